"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies text to the clipboard; falls back to selecting the source textarea for the old copy command. */
export function CopyTextButton({
  text,
  sourceId,
  label = "复制全文",
}: {
  text: string;
  /** The textarea to select when the clipboard API is not available (e.g. plain http). */
  sourceId?: string;
  label?: string;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      const source = sourceId ? document.getElementById(sourceId) : null;
      if (source instanceof HTMLTextAreaElement) {
        source.focus();
        source.select();
        setStatus(document.execCommand("copy") ? "copied" : "failed");
      } else {
        setStatus("failed");
      }
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 print:hidden">
      <Button variant="secondary" onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status" className="text-sm text-slate-700">
        {status === "copied" ? "已复制，可以粘贴到短信、App 或邮件里" : null}
        {status === "failed" ? "没能自动复制，请长按正文全选后复制" : null}
      </span>
    </span>
  );
}
