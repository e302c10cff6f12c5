/** Charts of the oversight dashboard (recharts, as react-admin's demo). Each has a text alternative: the table it
 * draws is on the page too. Fixed sizes so they print as they show. */
import { Box, Typography } from "@mui/material";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

import type { DeadlineRate, Indicator, Occupancy } from "./api";

const COLOURS = ["#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#283593"];

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box component="figure" role="group" aria-label={label} sx={{ m: 0, mb: 2 }}>
      <Typography component="figcaption" variant="subtitle2">
        {label}
      </Typography>
      {children}
    </Box>
  );
}

export function GroupChart({ indicator, label }: { indicator: Indicator; label: string }) {
  const data = (indicator.groups ?? []).map((g) => ({ group: g.group, value: g.suppressed.value ? null : g.value }));
  return (
    <Figure label={label}>
      <BarChart width={640} height={260} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="group" />
        <YAxis />
        <Tooltip />
        <Bar dataKey="value" name={indicator.unit} fill={COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </Figure>
  );
}

export function DeadlineChart({ rows, label }: { rows: DeadlineRate[]; label: string }) {
  const data = rows.map((r) => ({ kind: r.kind, rate: r.rate }));
  return (
    <Figure label={label}>
      <BarChart width={640} height={260} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="kind" />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip />
        <Bar dataKey="rate" name="%" fill={COLOURS[1]} isAnimationActive={false} />
      </BarChart>
    </Figure>
  );
}

export function OccupancyChart({ occupancy, label }: { occupancy: Occupancy; label: string }) {
  const data = occupancy.dates.map((date, i) => {
    const point: Record<string, string | number> = { date };
    for (const f of occupancy.facilities) point[f.facility] = f.series[i]?.held ?? 0;
    return point;
  });
  return (
    <Figure label={label}>
      <LineChart width={640} height={260} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {occupancy.facilities.map((f, i) => (
          <Line
            key={f.facility}
            type="monotone"
            dataKey={f.facility}
            stroke={COLOURS[i % COLOURS.length]}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Figure>
  );
}
