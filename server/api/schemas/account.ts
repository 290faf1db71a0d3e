import { z } from "zod";
import { PASSWORD_MAX } from "@/server/auth/password-policy";
import { newPasswordSchema } from "./auth";

/** The password the person types to prove it is them (not checked against the policy: it already exists). */
const currentPasswordSchema = z
  .string({ error: "请输入当前密码" })
  .min(1, { error: "请输入当前密码" })
  .max(PASSWORD_MAX, { error: "当前密码不正确" });

/** 修改密码: the current password, and a new one that passes the same policy as sign-up. */
export const changePasswordInput = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: newPasswordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    error: "新密码不能和当前密码相同",
    path: ["newPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** 注销账户: confirmed by typing the current password. */
export const deleteAccountInput = z.object({ password: currentPasswordSchema });
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;
