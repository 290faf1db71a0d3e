/** Where a rule comes from and how sure it is, under every rule shown. */
export function SourceLine({ source }: { source: { citation: string; markLabel: string } }) {
  return (
    <p className="text-sm text-slate-600">
      依据：{source.citation}（{source.markLabel}）
    </p>
  );
}
