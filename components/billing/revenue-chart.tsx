"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Revenue ex VAT by month as a bar chart. Decorative for screen readers: the page shows the same
 * figures in a table next to it.
 */
export function RevenueChart({ rows }: { rows: Array<{ month: string; pounds: number }> }) {
  return (
    <div aria-hidden="true" style={{ width: "100%", height: 280 }} data-testid="revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false} tabIndex={-1}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis tickFormatter={(v: number) => `£${Math.round(v / 1000)}k`} />
          <Tooltip formatter={(v) => `£${Number(v).toLocaleString("en-GB")}`} />
          <Bar dataKey="pounds" name="Revenue ex VAT" fill="#1d70b8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
