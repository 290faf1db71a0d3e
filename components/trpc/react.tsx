"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // The server renders the data; no refetch storms on window focus.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** On the server: a new query client per request, never shared between users. In the browser: one. */
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/**
 * The tRPC and React Query clients for the client components that call procedures. Not in the
 * workspace layout: each such component is wrapped with `withTRPC`, so a page that renders none
 * (the dashboard, the charts) ships no React Query, tRPC client or superjson. In the browser every
 * wrapped component shares the one query client.
 */
export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** A client component that calls tRPC, wrapped in its provider (see TRPCReactProvider). */
export function withTRPC<P extends object>(Component: React.ComponentType<P>): React.ComponentType<P> {
  function WithTRPC(props: P) {
    return (
      <TRPCReactProvider>
        <Component {...props} />
      </TRPCReactProvider>
    );
  }
  WithTRPC.displayName = `withTRPC(${Component.displayName ?? Component.name})`;
  return WithTRPC;
}
