/**
 * The client's address as the server saw it. `next start` sets x-forwarded-for from the socket;
 * behind a reverse proxy, the proxy must overwrite (not append to) that header.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || headers.get("x-real-ip") || "unknown";
}

/** The public origin for links we hand out: NEXTAUTH_URL when set, else what the browser addressed. */
export function publicOrigin(headers: Headers): string {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return `${proto}://${host}`;
}
