"use client";

import { usePathname } from "next/navigation";
import { Link } from "@/components/ui/link";
import type { NavItem } from "./app-header";

const RECOVERY: NavItem = { href: "/recovery", label: "信用修复" };

/** The borrower's navigation gains 信用修复 right after 还款计划 (counselors have no /plan). */
function withRecovery(items: NavItem[]): NavItem[] {
  const plan = items.findIndex((i) => i.href === "/plan");
  if (plan < 0 || items.some((i) => i.href === RECOVERY.href)) return items;
  return [...items.slice(0, plan + 1), RECOVERY, ...items.slice(plan + 1)];
}

/**
 * Phone-first navigation: on a phone the links wrap onto a second row (every link visible, plain
 * tab order, no sideways scrolling); from the small breakpoint up, one row. Marks the current page.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="主导航" className="mx-auto max-w-5xl px-2 sm:overflow-x-auto">
      <ul className="flex flex-wrap gap-x-0.5 sm:flex-nowrap sm:gap-1">
        {withRecovery(items).map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className="inline-flex min-h-11 min-w-11 items-center justify-center whitespace-nowrap border-b-2 border-transparent px-1.5 text-[15px] text-slate-700 hover:text-brand-700 aria-[current=page]:border-brand-600 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700 sm:px-3 sm:text-base"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
