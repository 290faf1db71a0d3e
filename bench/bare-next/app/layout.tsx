import type { ReactNode } from "react";

export const metadata = { title: "Bare Next.js page" };

/** The floor for the Lighthouse and JavaScript-size comparisons: a Next.js page with nothing in it. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
