import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** Awaits a call that must fail with the given tRPC code (and message part); returns the error. */
export async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"], message?: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
  if (message) expect((err as TRPCError).message).toContain(message);
  return err as TRPCError;
}
