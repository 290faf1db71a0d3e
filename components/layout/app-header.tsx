import { Link } from "@/components/ui/link";
import type { SessionUser } from "@/server/auth/session";
import { NavLinks } from "./nav-links";

export interface NavItem {
  href: string;
  label: string;
}

export function navItemsFor(role: SessionUser["role"]): NavItem[] {
  return role === "counselor"
    ? [
        { href: "/clients", label: "我的客户" },
        { href: "/account", label: "账户与安全" },
      ]
    : [
        { href: "/dashboard", label: "首页" },
        { href: "/debts", label: "债务清单" },
        { href: "/budget", label: "收支预算" },
        { href: "/plan", label: "还款计划" },
        { href: "/protection", label: "沟通与证据" },
        { href: "/sharing", label: "共享与访问" },
        { href: "/account", label: "账户与安全" },
      ];
}

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href={user.role === "counselor" ? "/clients" : "/dashboard"} className="text-xl font-bold text-brand-700">
          上岸
        </Link>
        <p className="text-sm text-slate-700">
          <span className="sr-only">当前用户：</span>
          {user.name}
          <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
            {user.role === "counselor" ? "债务顾问" : "借款人"}
          </span>
        </p>
      </div>
      <NavLinks items={navItemsFor(user.role)} />
    </header>
  );
}
