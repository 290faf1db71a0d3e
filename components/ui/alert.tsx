import type { ReactNode } from "react";

const tones = {
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-brand-100 bg-brand-50 text-brand-800",
  success: "border-green-300 bg-green-50 text-green-900",
} as const;

/** A message box; errors are announced to screen readers as they appear. */
export function Alert({ tone = "info", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}
