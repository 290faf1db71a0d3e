/**
 * tRPC: context, the one error formatter, and the procedure tiers. Each tier narrows the context
 * so handlers never need `!`:
 * - publicProcedure: anyone.
 * - signedInProcedure: a signed-in user whose session version is current (checked per request).
 * - borrowerProcedure / counselorProcedure: signed in with that role.
 * Case-level tiers (reader / owner) build on these through server/access.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/server/auth/session";
import type { RequestMeta } from "@/server/auth/accounts";
import { AppError, type AppErrorCode } from "@/server/errors";

export interface Context {
  db: Database;
  user: SessionUser | null;
  meta: RequestMeta;
  /** The clock: procedures never call Date.now() themselves, so tests can fix "today". */
  now: () => Date;
}

const APP_TO_TRPC: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export const INTERNAL_ERROR_MESSAGE = "服务器出了点问题，您的数据没有丢失。请稍后再试。";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    if (error.cause instanceof ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.cause.issues) {
        const key = issue.path.join(".") || "_";
        fieldErrors[key] ??= issue.message;
      }
      const first = error.cause.issues[0];
      return {
        ...shape,
        message: first ? first.message : "输入有误，请检查",
        data: { ...shape.data, fieldErrors, stack: undefined },
      };
    }
    const hidden = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: hidden ? INTERNAL_ERROR_MESSAGE : shape.message,
      data: { ...shape.data, fieldErrors: null, stack: undefined },
    };
  },
});

/** AppErrors thrown by services become tRPC errors with the matching code; nothing else does. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw new TRPCError({
      code: APP_TO_TRPC[result.error.cause.code],
      message: result.error.cause.message,
      cause: result.error.cause,
    });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "请先登录" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const borrowerProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "borrower") {
    throw new TRPCError({ code: "FORBIDDEN", message: "这个功能只对借款人开放" });
  }
  return next();
});

export const counselorProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "counselor") {
    throw new TRPCError({ code: "FORBIDDEN", message: "这个功能只对债务顾问开放" });
  }
  return next();
});
