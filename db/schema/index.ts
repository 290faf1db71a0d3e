export * from "./users";
export * from "./cases";
