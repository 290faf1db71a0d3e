import { Link } from "@/components/ui/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-xl font-bold text-brand-700">
            上岸
          </Link>
          <nav aria-label="账户" className="flex items-center gap-4 text-base">
            <Link href="/sign-in" className="text-brand-700 underline-offset-4 hover:underline">
              登录
            </Link>
            <Link href="/sign-up" className="rounded-lg bg-brand-600 px-3 py-2 text-white hover:bg-brand-700">
              免费注册
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600">
        上岸提供信息整理与计算工具，不构成法律意见。遇到紧急情况请联系专业律师或当地法律援助（12348）。
      </footer>
    </div>
  );
}
