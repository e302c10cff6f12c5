import { describe, expect, it } from "vitest";

import { reportUrl } from "./CaseReportButton";

describe("court report link", () => {
  it("asks for the report in the UI's language, English otherwise", () => {
    expect(reportUrl(7, "fr")).toBe("/api/cases/7/report/?lang=fr");
    expect(reportUrl(7, "es")).toBe("/api/cases/7/report/?lang=es");
    expect(reportUrl(7, "de")).toBe("/api/cases/7/report/?lang=en");
  });

  it("carries the stated purpose, which the server requires and prints in the watermark", () => {
    expect(reportUrl(7, "fr", "Hearing on Monday")).toBe("/api/cases/7/report/?lang=fr&purpose=Hearing+on+Monday");
  });
});
