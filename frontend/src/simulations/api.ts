/** Types of the simulation API and the pure helpers its pages share. */

export const MEASURES = [
  "cases_removed",
  "children_removed",
  "episodes_avoided",
  "child_days_avoided",
  "acts_refused",
  "deadlines_missed",
] as const;
export type Measure = (typeof MEASURES)[number];

export type Row = { group: string } & Record<Measure, number | null>;

export interface SimulationResult {
  period: { from: string; to: string };
  threshold: number;
  parameters: { name: string; label: string; current: unknown; proposed: unknown }[];
  coverage: { acts: number; replayable: number; share: number | null; by_trigger: { trigger: string; acts: number; replayable: number }[] };
  reproduced: { mismatches: number; rules: { rule_id: string; acts: number }[] };
  acts: { refused: number; justified: number; warned: number; relaxed: number; of_removed_cases: number };
  rules: { rule_id: string; from: string; to: string; acts: number }[];
  totals: Record<Measure, number | null>;
  deadlines_no_longer_missed: number;
  breakdown: { agency: Row[]; sex: Row[]; age_group: Row[] };
  missing: Record<string, number>;
}

export interface Simulation {
  id: number;
  jurisdiction: string;
  requested_by_username: string;
  parameters: Record<string, unknown>;
  period_from: string;
  period_to: string;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  coverage: number | null;
  error: string;
  created_at: string;
  finished_at: string | null;
  totals: Record<Measure, number | null> | null;
  result?: SimulationResult | null;
}

export const running = (s: Pick<Simulation, "status"> | undefined): boolean =>
  s !== undefined && (s.status === "queued" || s.status === "running");

/** A published number, or the mark of a suppressed cell. */
export const shown = (value: number | null | undefined, suppressed: string): string =>
  value === null || value === undefined ? suppressed : value.toLocaleString();

/** The parameters that differ from the policy in force: only those are proposed. */
export function proposedParameters(
  values: Record<string, unknown>,
  current: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!(name in current) || Array.isArray(value)) continue;
    if (value === undefined || value === "" || JSON.stringify(value) === JSON.stringify(current[name])) continue;
    out[name] = value;
  }
  return out;
}

/** The create request: the period and the proposed parameters, flat, as the API validates them field by field. */
export function createBody(data: Record<string, unknown>, current: Record<string, unknown>): Record<string, unknown> {
  const { period_from, period_to, ...values } = data;
  return { period_from, period_to, ...proposedParameters(values, current) };
}
