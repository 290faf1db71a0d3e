import { formatYuan } from "@/server/domain/money";
import { ChartFrame, ChartTable } from "./chart-frame";
import { labelledIndexes, longMonth, maxOf, niceAxis, px, shortMonth, shortYuan } from "./scale";

export interface LineSeries {
  label: string;
  /** One per month; null where the series has no value. Exact decimal strings. */
  values: (string | null)[];
  color: string;
  dashed?: boolean;
}

const W = 360;
const H = 200;
const PAD = { left: 40, right: 10, top: 12, bottom: 24 };

/**
 * A line chart over months, rendered on the server as SVG (no client JavaScript). Each series is
 * drawn where it has values; `marker` draws a vertical line at a month (e.g. this month), and
 * `thresholds` horizontal dashed lines (e.g. a target).
 */
export function LineChart({
  id,
  title,
  summary,
  months,
  series,
  marker,
  thresholds = [],
}: {
  id: string;
  title: string;
  summary: string;
  months: string[];
  series: LineSeries[];
  marker?: { month: string; label: string };
  thresholds?: { label: string; value: string; color: string }[];
}) {
  const max = maxOf([...series.flatMap((s) => s.values), ...thresholds.map((t) => t.value)]);
  const { top, ticks } = niceAxis(max);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => px(PAD.left + (months.length <= 1 ? plotW / 2 : (i * plotW) / (months.length - 1)));
  const y = (v: number) => px(PAD.top + plotH - (v / top) * plotH);
  const labelled = labelledIndexes(months.length);
  const markerIndex = marker ? months.indexOf(marker.month) : -1;

  function path(values: (string | null)[]): { d: string; dots: [number, number][] } {
    let d = "";
    let run: [number, number][] = [];
    const dots: [number, number][] = [];
    const flush = () => {
      if (run.length === 1 && run[0]) dots.push(run[0]);
      run.forEach(([atX, atY], k) => (d += `${k === 0 ? "M" : "L"}${atX} ${atY} `));
      run = [];
    };
    values.forEach((v, i) => {
      if (v === null) flush();
      else run.push([x(i), y(Number(v))]);
    });
    flush();
    return { d: d.trim(), dots };
  }

  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      legend={[
        ...series.map((s) => ({ label: s.label, color: s.color, dashed: s.dashed })),
        ...thresholds.map((t) => ({ label: t.label, color: t.color, dashed: true })),
      ]}
      table={
        <ChartTable
          caption={title}
          columns={["月份", ...series.map((s) => s.label)]}
          rows={months.map((m, i) => ({
            key: m,
            cells: [longMonth(m), ...series.map((s) => (s.values[i] == null ? "—" : formatYuan(s.values[i] ?? "0")))],
          }))}
        />
      }
    >
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title}。${summary}`}
        className="h-auto w-full max-w-2xl"
        data-chart={id}
      >
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeWidth="1" />
            <text x={PAD.left - 4} y={px(y(t) + 4)} textAnchor="end" fontSize="11" fill="#475569">
              {shortYuan(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          labelled.has(i) ? (
            <text
              key={m}
              x={x(i)}
              y={H - 6}
              textAnchor={
                months.length > 1 && i === 0 ? "start" : months.length > 1 && i === months.length - 1 ? "end" : "middle"
              }
              fontSize="11"
              fill="#475569"
            >
              {shortMonth(m)}
            </text>
          ) : null,
        )}
        {markerIndex >= 0 && marker ? (
          <g>
            <line
              x1={x(markerIndex)}
              x2={x(markerIndex)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke="#64748b"
              strokeWidth="1"
              strokeDasharray="2 2"
            />
            <text
              x={px(x(markerIndex) + (markerIndex > months.length / 2 ? -3 : 3))}
              y={PAD.top + 10}
              textAnchor={markerIndex > months.length / 2 ? "end" : "start"}
              fontSize="11"
              fill="#334155"
            >
              {marker.label}
            </text>
          </g>
        ) : null}
        {thresholds.map((t) => (
          <line
            key={t.label}
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(Number(t.value))}
            y2={y(Number(t.value))}
            stroke={t.color}
            strokeWidth="1.5"
            strokeDasharray="6 4"
          />
        ))}
        {series.map((s) => {
          const { d, dots } = path(s.values);
          return (
            <g key={s.label}>
              {d ? (
                <path
                  d={d}
                  fill="none"
                  stroke={s.color}
                  strokeWidth="2.5"
                  strokeLinejoin="round"
                  strokeDasharray={s.dashed ? "6 4" : undefined}
                />
              ) : null}
              {dots.map(([cx, cy]) => (
                <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="3" fill={s.color} />
              ))}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
