/** Types of the oversight API and the pure helpers the pages share (query strings, export requests, value display). */

export interface Flags {
  numerator: boolean;
  denominator: boolean;
  value: boolean;
}

export interface GroupRow {
  group: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: Flags;
}

export interface Indicator {
  number: number;
  code: string;
  name: string;
  definition: string;
  kind: "rate" | "percent" | "duration" | "policy";
  core: boolean;
  unit: string;
  numerator_definition: string;
  denominator_definition: string;
  parameters: Record<string, { value: unknown; default?: unknown }>;
  numerator: number | null;
  denominator: number | null;
  value: number | boolean | null;
  suppressed: Flags;
  notes: string[];
  groups: GroupRow[] | null;
  extra: Record<string, unknown>;
}

export interface IndicatorReport {
  jurisdiction: { code: string; name: string; timezone: string };
  period_start: string;
  period_end: string;
  census_date: string;
  by: string | null;
  threshold: number;
  results: Indicator[];
}

export interface DeadlineRate {
  kind: string;
  label: string;
  due: number | null;
  on_time: number | null;
  late: number | null;
  missed: number | null;
  rate: number | null;
  suppressed: boolean;
}

export interface Compliance {
  deadlines: DeadlineRate[];
  detention_orders: { orders: number | null; with_alternatives: number | null; rate: number | null; suppressed: boolean };
  justifications: {
    agency: string;
    decisions: number;
    required_justification: number;
    justified: number;
    approved: number;
    warnings: number;
    below_standard: number;
  }[];
  refusals: { by_rule: { rule_id: string; refused: number }[]; by_agency: { agency: string; refused: number }[] };
  time_to_counsel: { arrests: number | null; with_counsel: number | null; median_hours: number | null; suppressed: boolean };
}

export interface Disparity {
  by: string;
  reference: string | null;
  points: {
    point: string;
    label: string;
    groups: { group: string; count: number | null; rate: number | null; index: number | null; suppressed: boolean }[];
  }[];
}

export interface Occupancy {
  dates: string[];
  facilities: {
    facility: string;
    kind: string;
    capacity: number;
    over_capacity: boolean;
    series: { date: string; held: number; occupancy: number | null }[];
  }[];
}

export interface ChainReport {
  ok: boolean;
  events_checked: number;
  first_broken_seq: number | null;
  problem: string;
  head_seq: number | null;
  head_hash: string | null;
}

export const DIMENSIONS = [
  "sex",
  "age_group",
  "agency",
  "facility",
  "minority_status",
  "nationality",
  "migration_status",
  "disability",
] as const;
// Disparity is computed between children, so not by facility.
export const DISPARITY_DIMENSIONS: readonly string[] = DIMENSIONS.filter((d) => d !== "facility");

export interface Filters {
  jurisdiction?: string;
  period_start: string;
  period_end: string;
  census_date?: string;
  by?: string;
}

/** The last full calendar year before `today`: the period an annual report covers. */
export function lastYear(today: Date = new Date()): Filters {
  const year = today.getFullYear() - 1;
  return { period_start: `${year}-01-01`, period_end: `${year}-12-31` };
}

export function filtersFrom(search: URLSearchParams, today: Date = new Date()): Filters {
  const fallback = lastYear(today);
  const filters: Filters = {
    period_start: search.get("period_start") || fallback.period_start,
    period_end: search.get("period_end") || fallback.period_end,
  };
  for (const key of ["jurisdiction", "census_date", "by"] as const) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function queryOf(filters: Filters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value) query.set(key, String(value));
  }
  return query.toString();
}

export interface ExportJob {
  id: number;
  kind?: "indicators" | "dataset";
  jurisdiction: string;
  file_format: "csv" | "xlsx";
  query: Record<string, unknown>;
  status: "queued" | "running" | "done" | "failed" | "expired";
  progress: number;
  filename: string;
  size: number | null;
  error: string;
  created_at: string;
  finished_at: string | null;
  expires_at: string | null;
  download_url: string | null;
}

/** The body that asks for a background export of what the dashboard shows. */
export function exportBody(filters: Filters, file: "csv" | "xlsx"): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(queryOf(filters, { file })).entries());
}

export function exportRunning(job: ExportJob): boolean {
  return job.status === "queued" || job.status === "running";
}

/** What a cell shows: "suppressed" rather than a small count, "—" for nothing to show, yes/no for policies. */
export function display(value: number | boolean | null | undefined, hidden: boolean, t: (key: string) => string): string {
  if (hidden) return t("jj.oversight.suppressed");
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return t(value ? "jj.oversight.yes" : "jj.oversight.no");
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/** The conventions of a result as "name: value (default: d)" lines, period and threshold aside. */
export function conventionsOf(indicator: Indicator): string[] {
  return Object.entries(indicator.parameters)
    .filter(([name]) => !["period_start", "period_end"].includes(name))
    .map(([name, spec]) => {
      const base = `${name}: ${String(spec.value)}`;
      return spec.default !== undefined && String(spec.default) !== String(spec.value)
        ? `${base} (default: ${String(spec.default)})`
        : spec.default !== undefined
          ? `${base} (default)`
          : base;
    });
}
