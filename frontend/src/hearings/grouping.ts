/** The calendar's grouping: hearings by day or by week (weeks start on Monday), in the jurisdiction's zone. */
export type GroupBy = "day" | "week";

export interface Dated {
  at: string;
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayInZone(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The Monday (YYYY-MM-DD) of the week a calendar day falls in. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}

/** Rows grouped in order of their keys (day or week's Monday), each group in the order the rows came. */
export function groupHearings<T extends Dated>(rows: T[], by: GroupBy, zone: string): { key: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const day = dayInZone(row.at, zone);
    const key = by === "day" ? day : mondayOf(day);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => ({ key, rows: list }));
}
