import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Shore's link: Next's `<Link>` (client-side navigation) without automatic prefetching. Every
 * page here is personal and rendered per request, so a prefetch cannot carry the page itself;
 * Next still sent two background requests per visible link (route tree, then metadata), about 20
 * for the debt list's navigation and cards. Each cost the server about as much as the health route
 * and the phone a little main-thread work and mobile data, for a navigation that must ask the
 * server for the page anyway. `prefetch` can still be passed where a link earns it.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
