import type { Database } from "@/db/client";
import {
  bumpSessionVersion,
  createUser,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  recordAuditEvent,
} from "@/db/queries/users";
import { AppError, pgErrorCode } from "@/server/errors";
import type { SignUpInput } from "@/server/api/schemas/auth";
import { decoyPasswordHash, hashPassword, verifyPassword, weakPasswordReason } from "./password";
import { recordSignInFailure, recordSignInSuccess, signInBlockedFor, tooManyAttemptsMessage } from "./rate-limit";

export interface RequestMeta {
  ip: string;
  userAgent?: string | null;
}

export const EMAIL_TAKEN_MESSAGE = "这个邮箱已经注册过了，请直接登录";
export const WRONG_CREDENTIALS_MESSAGE = "邮箱或密码不正确";
export const WRONG_CURRENT_PASSWORD_MESSAGE = "当前密码不正确，请重新输入";

export async function signUp(db: Database, input: SignUpInput, meta: RequestMeta) {
  const weak = weakPasswordReason(input.password, [input.email, input.displayName]);
  if (weak) throw new AppError("BAD_INPUT", weak);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await createUser(db, { ...input, passwordHash });
    await recordAuditEvent(db, { type: "sign_up", userId: user.id, email: user.email, ...meta });
    return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw new AppError("CONFLICT", EMAIL_TAKEN_MESSAGE);
    throw err;
  }
}

/**
 * Checks email and password. A wrong email and a wrong password get the same message and take the
 * same time (a decoy hash is verified for unknown emails). Failures are counted per account and
 * per address; every success and failure is recorded.
 */
export async function authenticate(db: Database, credentials: { email: string; password: string }, meta: RequestMeta) {
  const email = normalizeEmail(credentials.email);
  const blockedFor = await signInBlockedFor(db, email, meta.ip);
  if (blockedFor > 0) {
    await recordAuditEvent(db, { type: "sign_in_blocked", email, ...meta });
    throw new AppError("TOO_MANY_REQUESTS", tooManyAttemptsMessage(blockedFor));
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), credentials.password);
  if (!user || !ok) {
    await recordSignInFailure(db, email, meta.ip);
    await recordAuditEvent(db, { type: "sign_in_failure", userId: user?.id, email, ...meta });
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS_MESSAGE);
  }
  await recordSignInSuccess(db, email);
  await recordAuditEvent(db, { type: "sign_in_success", userId: user.id, email, ...meta });
  return user;
}

export async function signOutEverywhere(db: Database, userId: string, meta: RequestMeta) {
  await bumpSessionVersion(db, userId);
  await recordAuditEvent(db, { type: "sign_out_everywhere", userId, ...meta });
}

/**
 * Confirms a signed-in person by their current password before a sensitive change (new password,
 * deleting the account). Wrong guesses count against the same per-account and per-address limits
 * as sign-in, so a stolen session cannot be used to guess the password.
 */
export async function verifyCurrentPassword(db: Database, userId: string, password: string, meta: RequestMeta) {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "请先登录");
  const blockedFor = await signInBlockedFor(db, user.email, meta.ip);
  if (blockedFor > 0) {
    await recordAuditEvent(db, { type: "sign_in_blocked", userId, email: user.email, ...meta });
    throw new AppError("TOO_MANY_REQUESTS", tooManyAttemptsMessage(blockedFor).replace("登录失败", "密码错误"));
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordSignInFailure(db, user.email, meta.ip);
    await recordAuditEvent(db, { type: "password_check_failure", userId, ...meta });
    throw new AppError("BAD_INPUT", WRONG_CURRENT_PASSWORD_MESSAGE);
  }
  return user;
}
