/** The plain note under every legal or credit fact. */
export function NotLegalAdvice({ text }: { text: string }) {
  return (
    <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <strong className="font-semibold">提示：</strong>
      {text}
    </p>
  );
}
