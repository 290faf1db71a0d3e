import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/server/auth/password-policy";

/** Shared by the sign-up form and the procedure: one set of rules, one set of messages. */
export const emailSchema = z
  .string({ error: "请输入邮箱" })
  .trim()
  .min(1, { error: "请输入邮箱" })
  .max(254, { error: "邮箱太长了，请检查" })
  .pipe(z.email({ error: "邮箱格式不正确，例如 name@example.com" }));

export { PASSWORD_MAX, PASSWORD_MIN };

export const newPasswordSchema = z
  .string({ error: "请输入密码" })
  .min(PASSWORD_MIN, { error: `密码至少需要 ${PASSWORD_MIN} 个字符` })
  .max(PASSWORD_MAX, { error: `密码最多 ${PASSWORD_MAX} 个字符` });

export const displayNameSchema = z
  .string({ error: "请输入称呼" })
  .trim()
  .min(1, { error: "请输入称呼（可以用昵称）" })
  .max(40, { error: "称呼最多 40 个字" })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: "称呼里不能有控制字符" });

export const roleSchema = z.enum(["borrower", "counselor"], {
  error: "请选择身份：借款人或债务顾问",
});

export const signUpInput = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  displayName: displayNameSchema,
  role: roleSchema,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: z.string().trim().min(1, { error: "请输入邮箱" }).max(254),
  password: z.string().min(1, { error: "请输入密码" }).max(PASSWORD_MAX),
});
