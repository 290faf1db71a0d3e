import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">找不到这个页面</h1>
      <p className="mt-2 text-slate-700">链接可能有误，或页面已经不存在。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        回到首页
      </Link>
    </main>
  );
}
