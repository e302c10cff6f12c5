import { describe, expect, it } from "vitest";

import { exportUrl } from "../layout/ServerExportButtons";
import { DOCUMENT_TYPES, formatSize } from "./DocumentsPanel";
import en from "../i18n/en";
import es from "../i18n/es";
import fr from "../i18n/fr";

describe("formatSize", () => {
  it("reads as people say sizes", () => {
    expect(formatSize(0)).toBe("0 B");
    expect(formatSize(1023)).toBe("1023 B");
    expect(formatSize(1024)).toBe("1.0 KB");
    expect(formatSize(1024 * 1024)).toBe("1.0 MB");
  });
});

describe("document types", () => {
  it("are named in every language", () => {
    for (const messages of [en, fr, es]) {
      for (const type of DOCUMENT_TYPES) expect(messages.jj.documents.types[type]).toBeTruthy();
    }
  });
});

describe("exportUrl", () => {
  it("carries the list's filters, search and ordering, not its page", () => {
    const url = exportUrl("cases", "xlsx", { status: "charged", q: "Okafor", empty: "" }, { field: "opened_at", order: "DESC" });
    const [path, query] = url.split("?");
    expect(path).toBe("/api/cases/export/");
    const params = new URLSearchParams(query);
    expect(params.get("file_format")).toBe("xlsx");
    expect(params.get("status")).toBe("charged");
    expect(params.get("search")).toBe("Okafor");
    expect(params.get("ordering")).toBe("-opened_at");
    expect(params.has("page")).toBe(false);
    expect(params.has("page_size")).toBe(false);
    expect(params.has("empty")).toBe(false);
  });

  it("carries the stated purpose when given", () => {
    const params = new URLSearchParams(exportUrl("cases", "csv", {}, undefined, "Monthly review").split("?")[1]);
    expect(params.get("purpose")).toBe("Monthly review");
  });

  it("uses the API path of the resource", () => {
    expect(exportUrl("deadlines", "csv", {}).startsWith("/api/deadlines/export/?")).toBe(true);
  });
});
