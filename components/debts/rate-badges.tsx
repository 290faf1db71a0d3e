import type { RateBadge } from "@/server/services/debts";

/** "超过 36%" / "接近 24%": one badge per legal line the rate is above or close to. */
export function RateBadges({ badges }: { badges: RateBadge[] }) {
  if (badges.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="利率与法律红线">
      {badges.map((b) => (
        <li
          key={b.label}
          className={
            b.position === "above"
              ? "rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900"
              : "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
          }
        >
          {b.position === "above" ? "超过" : "接近"} {b.label}
          {b.applicability === "reference" ? "（参考线）" : ""}
        </li>
      ))}
    </ul>
  );
}
