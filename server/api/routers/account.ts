import { listAuditEvents } from "@/db/queries/users";
import { signOutEverywhere, signUp } from "@/server/auth/accounts";
import { signUpInput } from "../schemas/auth";
import { publicProcedure, router, signedInProcedure } from "../trpc";

export const accountRouter = router({
  /** 注册: creates the account (and a borrower's case). Signing in is next-auth's job. */
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input, ctx.meta)),

  me: signedInProcedure.query(({ ctx }) => ctx.user),

  /** The account's recent security events (sign-ins, failures, sign-outs everywhere). */
  securityEvents: signedInProcedure.query(async ({ ctx }) => {
    const events = await listAuditEvents(ctx.db, ctx.user.id);
    return events.map((e) => ({ id: e.id, type: e.type, ip: e.ip, userAgent: e.userAgent, createdAt: e.createdAt }));
  }),

  /** 退出所有设备: every existing session of this account is refused from the next request on. */
  signOutEverywhere: signedInProcedure.mutation(async ({ ctx }) => {
    await signOutEverywhere(ctx.db, ctx.user.id, ctx.meta);
    return { ok: true as const };
  }),
});
