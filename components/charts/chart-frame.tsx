import type { ReactNode } from "react";

export interface ChartLegendItem {
  label: string;
  /** A CSS colour for the swatch. */
  color: string;
  /** Drawn as a dashed line / outlined bar. */
  dashed?: boolean;
}

/**
 * A chart's figure: heading, legend, the SVG (role="img" with its own title and description) and
 * the same numbers as a table in a <details> for screen readers, keyboard and print.
 */
export function ChartFrame({
  id,
  title,
  summary,
  legend,
  children,
  table,
}: {
  id: string;
  title: string;
  /** One sentence that says what the chart shows; it is the image's description. */
  summary: string;
  legend: ChartLegendItem[];
  children: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="flex flex-col gap-2">
      <figcaption id={`${id}-caption`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <p id={`${id}-summary`} className="text-sm text-slate-700">
        {summary}
      </p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="图例">
        {legend.map((l) => (
          <li key={l.label} className="inline-flex items-center gap-1.5">
            <svg width="20" height="10" aria-hidden="true" focusable="false">
              <line
                x1="0"
                y1="5"
                x2="20"
                y2="5"
                stroke={l.color}
                strokeWidth="3"
                strokeDasharray={l.dashed ? "4 3" : undefined}
              />
            </svg>
            {l.label}
          </li>
        ))}
      </ul>
      {children}
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline underline-offset-4">
          以表格查看“{title}”的数字
        </summary>
        <div className="mt-2 max-h-80 overflow-auto">{table}</div>
      </details>
    </figure>
  );
}

/** A plain table for a chart's numbers. */
export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    // Cell styles are set once on the table: a chart's table has a row per month, and a class on
    // every cell would be sent twice per cell (in the HTML and in the data React hydrates from).
    <table className="w-full border-collapse text-left tabular-nums [&_tbody_th]:py-1 [&_tbody_th]:pr-3 [&_tbody_th]:font-normal [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100 [&_td]:py-1 [&_td]:pr-3 [&_td]:text-right">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          {columns.map((c, i) => (
            <th key={c} scope="col" className={`py-1 pr-3 font-medium ${i > 0 ? "text-right" : ""}`}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
