export * from "./users";
export * from "./cases";
export * from "./reference";
export * from "./debts";
