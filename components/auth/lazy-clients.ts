/**
 * The sign-in and sign-up pages are public, and their JavaScript is held within 10% of a bare
 * Next.js page: next-auth's client and the tRPC client (about 22 kB gzipped together) are fetched
 * when the form is first touched (focus), not with the page, and awaited on submit.
 */
import { onDemand } from "@/components/on-demand";

export const loadAuthClient = onDemand(() => import("next-auth/react"));
export const loadTrpcClient = onDemand(() => import("@/components/trpc/vanilla"));
