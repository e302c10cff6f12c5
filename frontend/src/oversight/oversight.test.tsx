import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AdminContext, I18nContextProvider, testDataProvider } from "react-admin";
import { describe, expect, it, vi } from "vitest";

import { i18nProvider } from "../i18n";
import type { Indicator } from "./api";
import type { ExportJob } from "./api";
import { conventionsOf, display, exportBody, filtersFrom, lastYear, queryOf } from "./api";
import { ExportButtons } from "./ExportButtons";
import { GroupTable, IndicatorTable } from "./IndicatorTable";
import { VerifyAuditButton } from "./VerifyAuditButton";

const t = (key: string) => ({ "jj.oversight.suppressed": "suppressed", "jj.oversight.yes": "yes", "jj.oversight.no": "no" })[key] ?? key;

const detention: Indicator = {
  number: 2,
  code: "children_in_detention",
  name: "Children in detention",
  definition: "Number of children in detention per 100,000 child population.",
  kind: "rate",
  core: true,
  unit: "per 100,000 children",
  numerator_definition: "",
  denominator_definition: "",
  parameters: {
    period_start: { value: "2025-01-01" },
    period_end: { value: "2025-12-31" },
    census_date: { value: "2025-12-31", default: "last day of the period" },
    threshold: { value: 5, default: 5 },
  },
  numerator: null,
  denominator: 200000,
  value: null,
  suppressed: { numerator: true, denominator: false, value: true },
  notes: [],
  groups: [
    { group: "female", numerator: 12, denominator: 100000, value: 12, suppressed: { numerator: false, denominator: false, value: false } },
    { group: "male", numerator: null, denominator: 100000, value: null, suppressed: { numerator: true, denominator: false, value: true } },
  ],
  extra: {},
};

describe("oversight helpers", () => {
  it("defaults to the last full calendar year and keeps the chosen filters", () => {
    expect(lastYear(new Date(2026, 10, 30))).toEqual({ period_start: "2025-01-01", period_end: "2025-12-31" });
    const filters = filtersFrom(new URLSearchParams("by=sex&jurisdiction=north&census_date=2025-06-30"), new Date(2026, 0, 5));
    expect(filters).toEqual({ period_start: "2025-01-01", period_end: "2025-12-31", by: "sex", jurisdiction: "north", census_date: "2025-06-30" });
    expect(queryOf({ period_start: "2025-01-01", period_end: "2025-12-31", by: undefined })).toBe("period_start=2025-01-01&period_end=2025-12-31");
  });

  it("asks for an export of what the dashboard shows", () => {
    expect(exportBody({ period_start: "2025-01-01", period_end: "2025-12-31", by: "sex" }, "xlsx")).toEqual({
      period_start: "2025-01-01",
      period_end: "2025-12-31",
      by: "sex",
      file: "xlsx",
    });
  });

  it("shows suppressed cells as suppressed, never as a number", () => {
    expect(display(3, true, t)).toBe("suppressed");
    expect(display(null, false, t)).toBe("—");
    expect(display(true, false, t)).toBe("yes");
    expect(display(1234.567, false, t)).toBe("1,234.57");
  });

  it("lists the conventions with their defaults, not the period", () => {
    expect(conventionsOf(detention)).toEqual(["census_date: 2025-12-31 (default: last day of the period)", "threshold: 5 (default)"]);
  });
});

describe("IndicatorTable", () => {
  it("shows each indicator with its definition, conventions and suppressed cells, and opens its groups", async () => {
    const onDrill = vi.fn();
    render(
      <I18nContextProvider value={i18nProvider}>
        <IndicatorTable results={[detention]} onDrill={onDrill} />
      </I18nContextProvider>,
    );
    const row = screen.getByTestId("indicator-2");
    expect(row).toHaveTextContent("Children in detention");
    expect(row).toHaveTextContent("core");
    expect(row).toHaveTextContent("Number of children in detention per 100,000 child population.");
    expect(row).toHaveTextContent("suppressed");
    expect(row).toHaveTextContent("200,000");
    expect(row).toHaveTextContent("census_date: 2025-12-31 (default: last day of the period)");
    await userEvent.click(screen.getByRole("button", { name: "Groups of 2" }));
    expect(onDrill).toHaveBeenCalledWith(detention);
  });

  it("translates indicator names and group names", async () => {
    await i18nProvider.changeLocale("fr");
    try {
      render(
        <I18nContextProvider value={i18nProvider}>
          <GroupTable indicator={detention} />
        </I18nContextProvider>,
      );
      expect(screen.getByRole("table", { name: "Par groupe : Enfants en détention" })).toBeInTheDocument();
      cleanup();
      render(
        <I18nContextProvider value={i18nProvider}>
          <IndicatorTable results={[detention, { ...detention, number: 99, code: "not_translated", definition: "Server text." }]} />
        </I18nContextProvider>,
      );
      expect(screen.getByTestId("indicator-2")).toHaveTextContent("Nombre d'enfants en détention pour 100 000 enfants de la population.");
      expect(screen.getByTestId("indicator-99")).toHaveTextContent("Server text."); // no translation: the server's
      cleanup();
      render(
        <I18nContextProvider value={i18nProvider}>
          <GroupTable indicator={detention} />
        </I18nContextProvider>,
      );
      expect(screen.getByText("Fille")).toBeInTheDocument();
      expect(screen.getAllByText("masqué")).toHaveLength(2);
    } finally {
      await i18nProvider.changeLocale("en");
    }
  });
});

describe("VerifyAuditButton", () => {
  it("shows the first broken event when the chain does not verify", async () => {
    const get = vi.fn().mockResolvedValue({
      ok: false,
      events_checked: 41,
      first_broken_seq: 17,
      problem: "hash mismatch",
      head_seq: 41,
      head_hash: "x",
    });
    render(
      <AdminContext dataProvider={testDataProvider({ get })} i18nProvider={i18nProvider}>
        <VerifyAuditButton />
      </AdminContext>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Verify the audit trail" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("broken at event #17"));
    expect(screen.getByRole("status")).toHaveTextContent("hash mismatch");
    expect(get).toHaveBeenCalledWith("/audit/verify/");
  });

  it("says how many events were checked when it is intact", async () => {
    const get = vi.fn().mockResolvedValue({ ok: true, events_checked: 41, first_broken_seq: null, problem: "", head_seq: 41, head_hash: "x" });
    render(
      <AdminContext dataProvider={testDataProvider({ get })} i18nProvider={i18nProvider}>
        <VerifyAuditButton />
      </AdminContext>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Verify the audit trail" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("intact: 41 events checked"));
  });
});

describe("ExportButtons", () => {
  const job = (over: Partial<ExportJob>): ExportJob => ({
    id: 7,
    jurisdiction: "north",
    file_format: "xlsx",
    query: {},
    status: "queued",
    progress: 0,
    filename: "",
    size: null,
    error: "",
    created_at: "2026-11-30T10:00:00Z",
    finished_at: null,
    expires_at: null,
    download_url: null,
    ...over,
  });

  it("asks for a background export, shows its progress, then the download link", async () => {
    const post = vi.fn().mockResolvedValue(job({}));
    const get = vi
      .fn()
      .mockResolvedValueOnce(job({ status: "running", progress: 40 }))
      .mockResolvedValue(
        job({ status: "done", progress: 100, filename: "indicators-north.xlsx", download_url: "/api/oversight/exports/7/file/" }),
      );
    render(
      <AdminContext dataProvider={testDataProvider({ get, post })} i18nProvider={i18nProvider}>
        <ExportButtons filters={{ period_start: "2025-01-01", period_end: "2025-12-31" }} pollMs={5} />
      </AdminContext>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Export XLSX" }));
    // Asked only once a purpose is stated (the server refuses without one and prints it in the watermark).
    const ok = screen.getByRole("button", { name: "Export" });
    expect(ok).toBeDisabled();
    expect(post).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText(/Purpose of the export/), "Annual report");
    await userEvent.click(ok);
    expect(post).toHaveBeenCalledWith("/oversight/exports/", {
      period_start: "2025-01-01",
      period_end: "2025-12-31",
      file: "xlsx",
      kind: "indicators",
      purpose: "Annual report",
    });
    const link = await screen.findByRole("link", { name: "Download indicators-north.xlsx" });
    expect(link).toHaveAttribute("href", "/api/oversight/exports/7/file/");
    expect(get).toHaveBeenCalledWith("/oversight/exports/7/");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("shows a running export's progress and a failure's message", async () => {
    const post = vi.fn().mockResolvedValue(job({ status: "running", progress: 40 }));
    let finish: (value: ExportJob) => void = () => undefined;
    const get = vi.fn().mockReturnValue(new Promise<ExportJob>((resolve) => (finish = resolve)));
    render(
      <AdminContext dataProvider={testDataProvider({ get, post })} i18nProvider={i18nProvider}>
        <ExportButtons filters={{ period_start: "2025-01-01", period_end: "2025-12-31" }} pollMs={5} />
      </AdminContext>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await userEvent.type(screen.getByLabelText(/Purpose of the export/), "Annual report");
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    expect(await screen.findByRole("progressbar", { name: "Export progress" })).toHaveAttribute("aria-valuenow", "40");
    expect(screen.getByRole("button", { name: "Export XLSX" })).toBeDisabled();
    finish(job({ status: "failed", error: "The export could not be computed." }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("The export could not be computed."));
  });
});
