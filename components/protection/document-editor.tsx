"use client";

import { PrintButton } from "@/components/plan/print-button";
import { CopyTextButton } from "./copy-text-button";

/**
 * The generated document: an editable text (the borrower changes anything before sending), copy
 * and print buttons, and the same text laid out for A4 paper (shown only when printing).
 */
export function DocumentEditor({
  id,
  title,
  text,
  edited,
  onEdit,
  onRegenerate,
}: {
  id: string;
  title: string;
  text: string;
  edited: boolean;
  onEdit: (text: string) => void;
  onRegenerate: () => void;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1 print:hidden">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        <label htmlFor={id} className="font-medium text-slate-800">
          正文（可以直接修改）
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {edited
            ? "你改过正文。再改上面的选项不会覆盖你的修改；想按上面的内容重来，点“重新生成正文”。"
            : "正文随上面的内容自动生成。发出或打印前请通读一遍，改成你自己的话。"}
        </p>
        <textarea
          id={id}
          value={text}
          onChange={(e) => onEdit(e.target.value)}
          aria-describedby={`${id}-hint`}
          rows={18}
          className="min-h-96 rounded-lg border border-slate-400 bg-white px-3 py-2 font-sans text-base leading-relaxed text-slate-900"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <CopyTextButton text={text} sourceId={id} />
        <PrintButton label="打印（A4）" />
        {edited ? (
          <button
            type="button"
            onClick={onRegenerate}
            className="min-h-11 px-2 text-brand-700 underline-offset-4 hover:underline"
          >
            重新生成正文
          </button>
        ) : null}
      </div>
      <div
        data-testid="printed-document"
        className="hidden text-[12pt] leading-relaxed whitespace-pre-wrap print:block"
      >
        {text}
      </div>
    </section>
  );
}
