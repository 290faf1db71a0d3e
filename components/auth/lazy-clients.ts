/**
 * The sign-in and sign-up pages are public, and their JavaScript is held within 10% of a bare
 * Next.js page: next-auth's client and the tRPC client (about 22 kB gzipped together) are fetched
 * when the form is first touched (focus), not with the page, and awaited on submit. A failed fetch
 * is forgotten, so the next attempt tries again.
 */

let authClient: Promise<typeof import("next-auth/react")> | undefined;
let trpcClient: Promise<typeof import("@/components/trpc/vanilla")> | undefined;

export function loadAuthClient() {
  authClient ??= import("next-auth/react").catch((err: unknown) => {
    authClient = undefined;
    throw err;
  });
  return authClient;
}

export function loadTrpcClient() {
  trpcClient ??= import("@/components/trpc/vanilla").catch((err: unknown) => {
    trpcClient = undefined;
    throw err;
  });
  return trpcClient;
}
