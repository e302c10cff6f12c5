import { describe, expect, it } from "vitest";

import { messageLines, outcomeCount, running, type ImportJob } from "./api";

const job: ImportJob = {
  id: 1, dry_run: true, file_format: "csv", status: "running", total: 10, done: 4, progress: 40,
  created: 2, skipped: 1, refused: 1, invalid: 0, error: "", created_at: "", finished_at: null,
};

describe("import helpers", () => {
  it("knows when a job is still under way", () => {
    expect(running(job)).toBe(true);
    expect(running({ status: "done" })).toBe(false);
    expect(running(null)).toBe(false);
  });
  it("counts each outcome", () => {
    expect(outcomeCount(job, "skipped_duplicate")).toBe(1);
    expect(outcomeCount(job, "created")).toBe(2);
  });
  it("lists the field messages", () => {
    expect(messageLines({ date_of_birth: ["Enter a date."], sex: ["No.", "Again."] })).toEqual([
      "date_of_birth: Enter a date.",
      "sex: No.",
      "sex: Again.",
    ]);
  });
});
