/**
 * Factories shared by the demo seed, integration tests and e2e: they create real rows through the
 * same code paths the app uses.
 */
import type { Database } from "../client";
import { createUser, type UserRole } from "../queries/users";
import { hashPassword } from "@/server/auth/password";

export interface UserFactoryInput {
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
}

export async function createAccount(db: Database, input: UserFactoryInput) {
  const user = await createUser(db, {
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  return user;
}
