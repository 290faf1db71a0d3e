import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "上岸 — 网贷逾期的清单、计划与保护", template: "%s · 上岸" },
  description: "为网贷逾期的借款人整理全部债务、算清真实利率、制定还款计划、留存催收证据；债务顾问可以协助。",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f6b63",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each gets this request's CSP nonce.
  await headers();
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          跳到主要内容
        </a>
        {children}
      </body>
    </html>
  );
}
