import { formatYuan } from "@/server/domain/money";
import { ChartFrame, ChartTable } from "./chart-frame";
import { labelledIndexes, longMonth, maxOf, niceAxis, px, shortMonth, shortYuan } from "./scale";

const W = 360;
const H = 180;
const PAD = { left: 40, right: 6, top: 10, bottom: 24 };

/**
 * Monthly bars on the server as SVG: what was done (filled) next to what was planned (outlined),
 * one pair per month.
 */
export function PairedBarChart({
  id,
  title,
  summary,
  months,
  actual,
  planned,
}: {
  id: string;
  title: string;
  summary: string;
  months: string[];
  actual: { label: string; values: (string | null)[]; color: string };
  planned: { label: string; values: (string | null)[]; color: string };
}) {
  const { top, ticks } = niceAxis(maxOf([...actual.values, ...planned.values]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(months.length, 1);
  const barW = Math.max(2, Math.min(14, slot * 0.4));
  const y = (v: number) => px(PAD.top + plotH - (v / top) * plotH);
  const bottom = PAD.top + plotH;
  const labelled = labelledIndexes(months.length);

  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      legend={[
        { label: actual.label, color: actual.color },
        { label: planned.label, color: planned.color, dashed: true },
      ]}
      table={
        <ChartTable
          caption={title}
          columns={["月份", actual.label, planned.label]}
          rows={months.map((m, i) => ({
            key: m,
            cells: [
              longMonth(m),
              actual.values[i] == null ? "—" : formatYuan(actual.values[i] ?? "0"),
              planned.values[i] == null ? "—" : formatYuan(planned.values[i] ?? "0"),
            ],
          }))}
        />
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}。${summary}`} className="h-auto w-full max-w-2xl">
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeWidth="1" />
            <text x={PAD.left - 4} y={px(y(t) + 4)} textAnchor="end" fontSize="11" fill="#475569">
              {shortYuan(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const cx = PAD.left + slot * (i + 0.5);
          const width = px(barW);
          const a = actual.values[i];
          const p = planned.values[i];
          return (
            <g key={m}>
              {a !== null && a !== undefined ? (
                <rect
                  x={px(cx - barW - 1)}
                  y={y(Number(a))}
                  width={width}
                  height={px(Math.max(0, bottom - y(Number(a))))}
                  fill={actual.color}
                />
              ) : null}
              {p !== null && p !== undefined ? (
                <rect
                  x={px(cx + 1)}
                  y={y(Number(p))}
                  width={width}
                  height={px(Math.max(0, bottom - y(Number(p))))}
                  fill="#ffffff"
                  stroke={planned.color}
                  strokeWidth="1.5"
                  strokeDasharray="3 2"
                />
              ) : null}
              {labelled.has(i) ? (
                <text
                  x={i === months.length - 1 && months.length > 1 ? W - 2 : px(cx)}
                  y={H - 6}
                  textAnchor={i === months.length - 1 && months.length > 1 ? "end" : "middle"}
                  fontSize="11"
                  fill="#475569"
                >
                  {shortMonth(m)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
