import { describe, expect, it } from "vitest";

import { dayInZone, groupHearings, mondayOf } from "./grouping";

describe("hearing calendar grouping", () => {
  it("puts an instant on its day in the jurisdiction's zone", () => {
    expect(dayInZone("2026-12-01T23:30:00Z", "UTC")).toBe("2026-12-01");
    expect(dayInZone("2026-12-01T23:30:00Z", "Europe/Paris")).toBe("2026-12-02");
    expect(dayInZone("2026-12-02T03:00:00Z", "America/New_York")).toBe("2026-12-01");
  });

  it("finds the Monday of a week", () => {
    expect(mondayOf("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // the Sunday after
    expect(mondayOf("2026-12-07")).toBe("2026-12-07");
  });

  it("groups by day and by week, in order", () => {
    const rows = [
      { id: 3, at: "2026-12-08T09:00:00Z" },
      { id: 1, at: "2026-12-01T09:00:00Z" },
      { id: 2, at: "2026-12-01T14:00:00Z" },
    ];
    expect(groupHearings(rows, "day", "UTC").map((g) => [g.key, g.rows.map((r) => r.id)])).toEqual([
      ["2026-12-01", [1, 2]],
      ["2026-12-08", [3]],
    ]);
    expect(groupHearings(rows, "week", "UTC").map((g) => [g.key, g.rows.map((r) => r.id)])).toEqual([
      ["2026-11-30", [1, 2]],
      ["2026-12-07", [3]],
    ]);
  });
});
