import { listAuditEvents } from "@/db/queries/users";
import { signOutEverywhere, signUp } from "@/server/auth/accounts";
import { changePassword, deleteAccount } from "@/server/services/account";
import { evidenceStore } from "@/server/storage";
import { changePasswordInput, deleteAccountInput } from "../schemas/account";
import { signUpInput } from "../schemas/auth";
import { publicProcedure, router, signedInProcedure } from "../trpc";

export const accountRouter = router({
  /** 注册: creates the account (and a borrower's case). Signing in is next-auth's job. */
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input, ctx.meta)),

  me: signedInProcedure.query(({ ctx }) => ctx.user),

  /** The account's recent security events (sign-ins, password changes, sharing, exports…). */
  securityEvents: signedInProcedure.query(async ({ ctx }) => {
    const events = await listAuditEvents(ctx.db, ctx.user.id);
    return events.map((e) => ({
      id: e.id,
      type: e.type,
      ip: e.ip,
      userAgent: e.userAgent,
      detail: e.detail,
      createdAt: e.createdAt,
    }));
  }),

  /** 退出所有设备: every existing session of this account is refused from the next request on. */
  signOutEverywhere: signedInProcedure.mutation(async ({ ctx }) => {
    await signOutEverywhere(ctx.db, ctx.user.id, ctx.meta);
    return { ok: true as const };
  }),

  /**
   * 修改密码: every other session ends; the returned proof lets this browser's session move to
   * the new session version (next-auth session update) and stay signed in.
   */
  changePassword: signedInProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user.id, input, ctx.meta)),

  /** 注销账户: confirmed with the current password; the browser signs out afterwards. */
  deleteAccount: signedInProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    await deleteAccount(ctx.db, ctx.user.id, input.password, ctx.meta, evidenceStore());
    return { ok: true as const };
  }),
});
