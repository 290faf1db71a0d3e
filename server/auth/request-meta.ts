/**
 * The client's address as the server saw it. `next start` sets x-forwarded-for from the socket;
 * behind a reverse proxy, the proxy must overwrite (not append to) that header.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || headers.get("x-real-ip") || "unknown";
}
