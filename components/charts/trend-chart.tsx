"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Distinguishable by more than colour: each series also has its own dash pattern and marker. */
const STYLES = [
  { stroke: "#1d70b8", dash: undefined, dot: "circle" },
  { stroke: "#d4351c", dash: "6 3", dot: "square" },
  { stroke: "#00703c", dash: "2 2", dot: "diamond" },
  { stroke: "#4c2c92", dash: "10 4", dot: "triangle" },
  { stroke: "#f47738", dash: "4 2 1 2", dot: "cross" },
  { stroke: "#505a5f", dash: "1 3", dot: "star" },
] as const;

export interface TTrendSeries {
  key: string;
  name: string;
}

/**
 * Scores over the years as lines. Hidden from assistive technology: the page always shows the
 * same figures in a table (components/charts/trend-table.tsx) next to it.
 */
export function TrendChart({ rows, series, height = 260, domain = [0, 100], testId }: { rows: Array<Record<string, number | null>>; series: TTrendSeries[]; height?: number; domain?: [number, number] | "auto"; testId?: string }) {
  return (
    <div aria-hidden="true" style={{ width: "100%", height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tickCount={Math.min(rows.length, 8)} />
          <YAxis domain={domain === "auto" ? ["auto", "auto"] : domain} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(1) : String(v))} />
          <Legend />
          {series.map((s, i) => {
            const st = STYLES[i % STYLES.length];
            return (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.name}
                stroke={st.stroke}
                strokeWidth={2}
                strokeDasharray={st.dash}
                dot={{ r: 4 }}
                legendType={st.dot}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
