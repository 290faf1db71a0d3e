export * from "./users";
export * from "./cases";
export * from "./reference";
export * from "./debts";
export * from "./budget";
export * from "./sharing";
export * from "./protection";
export * from "./recovery";
