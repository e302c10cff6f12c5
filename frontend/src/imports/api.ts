/** Types of the import API and the pure helpers the import page uses. */
import type { Decision } from "../http";

export type ImportStatus = "queued" | "running" | "done" | "failed";
export type RowOutcome = "created" | "skipped_duplicate" | "refused" | "invalid";
export const OUTCOMES: RowOutcome[] = ["created", "skipped_duplicate", "refused", "invalid"];

export interface ImportJob {
  id: number;
  dry_run: boolean;
  file_format: "csv" | "xlsx";
  status: ImportStatus;
  total: number;
  done: number;
  progress: number;
  created: number;
  skipped: number;
  refused: number;
  invalid: number;
  error: string;
  created_at: string;
  finished_at: string | null;
}

export interface ImportRow {
  id: number;
  row: number;
  outcome: RowOutcome;
  messages: Record<string, string[]>;
  decisions: Pick<Decision, "rule_id" | "outcome" | "message" | "citation" | "unmet">[];
  child: number | null;
  case: number | null;
}

export const running = (job: Pick<ImportJob, "status"> | undefined | null): boolean =>
  !!job && (job.status === "queued" || job.status === "running");

/** The count shown beside each outcome. */
export function outcomeCount(job: ImportJob, outcome: RowOutcome): number {
  return { created: job.created, skipped_duplicate: job.skipped, refused: job.refused, invalid: job.invalid }[outcome];
}

/** A row's field messages as "field: message" lines. */
export function messageLines(messages: Record<string, string[]>): string[] {
  return Object.entries(messages).flatMap(([field, texts]) => texts.map((text) => `${field}: ${text}`));
}
