/** Scam warnings next to every generated document, each with its source. */
export function DocumentWarnings({
  warnings,
}: {
  warnings: { text: string; source: { citation: string; markLabel: string } }[];
}) {
  return (
    <section
      aria-labelledby="document-warnings-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950 print:hidden"
    >
      <h2 id="document-warnings-heading" className="font-semibold">
        谨防骗局
      </h2>
      <ul className="mt-1 flex flex-col gap-1 text-sm">
        {warnings.map((w) => (
          <li key={w.text}>
            {w.text}
            <span className="block text-xs text-amber-900">
              依据：{w.source.citation}（{w.source.markLabel}）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
