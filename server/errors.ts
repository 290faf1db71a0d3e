/**
 * Domain and service errors, apart from transport: services throw `AppError(code, message)`
 * with a message in Chinese that tells the user what to do; the tRPC error formatter alone maps
 * codes to HTTP statuses.
 */
export type AppErrorCode =
  "BAD_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The Postgres error code from a driver error, wrapped or not (23505 = unique violation). */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}
