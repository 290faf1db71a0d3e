import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Failed sign-ins are limited per account (email) and per address (IP):
 * 5 failures for one account, or 20 from one address, within 15 minutes block further attempts
 * for 15 minutes. A successful sign-in clears the account's counter.
 */
const WINDOW_SECONDS = 15 * 60;

const perAccount = new RateLimiterMemory({
  keyPrefix: "signin-account",
  points: 5,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});
const perAddress = new RateLimiterMemory({
  keyPrefix: "signin-address",
  points: 20,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `登录失败次数过多，请在 ${minutes} 分钟后再试`;
}

/** Seconds until the account or address may try again, or 0 when an attempt is allowed. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([perAccount.get(email), perAddress.get(ip)]);
  const blocked = [
    account && account.remainingPoints <= 0 ? account.msBeforeNext : 0,
    address && address.remainingPoints <= 0 ? address.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await Promise.all([perAccount.penalty(email, 1).catch(ignoreLimit), perAddress.penalty(ip, 1).catch(ignoreLimit)]);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await perAccount.delete(email);
}

function ignoreLimit(err: unknown) {
  if (!(err instanceof RateLimiterRes)) throw err;
}
