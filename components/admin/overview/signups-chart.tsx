"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface SignupsChartProps {
  data: { day: string; count: number }[];
}

const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** Signups per UTC day as bars, with the same numbers in a table for screen readers. */
export function SignupsChart({ data }: SignupsChartProps) {
  return (
    <figure className="flex flex-col gap-2">
      <div className="h-64 w-full text-zinc-500" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" minTickGap={12} />
            <YAxis
              allowDecimals={false}
              tick={{ fill: "currentColor", fontSize: 12 }}
              stroke="currentColor"
              width={40}
              label={{ value: "Signups", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }}
            />
            <Tooltip
              cursor={{ fillOpacity: 0.1 }}
              labelFormatter={(label) => formatDay(String(label))}
              formatter={(value) => [`${String(value)} signups`, "Signups"]}
              contentStyle={{ borderRadius: 6, fontSize: 12 }}
            />
            <Bar dataKey="count" name="Signups" fill="var(--color-brand-600)" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-500">Accounts created per day (UTC), last {data.length} days.</figcaption>
      <table className="sr-only">
        <caption>Signups per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Signups</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.day}>
              <td>{formatDay(row.day)}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
