import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { AdminContext } from "react-admin";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import { TABLE, allows } from "../capabilities";
import { i18nProvider } from "../i18n";
import { canAccess } from "../permissions";
import { authAs } from "../test/authAs";
import { RecordsPage, formatDay, type PreviewRow, type SealedReadRow } from "./index";

const PREVIEW: PreviewRow[] = [
  { child_id: 10, pseudonym: "C-AAAA00000010", action: "seal", due_on: "2026-11-30" },
  { child_id: 54, pseudonym: "C-BBBB00000054", action: "remove", due_on: "2026-12-21" },
];

function row(overrides: Partial<SealedReadRow>): SealedReadRow {
  return {
    id: 1,
    child: 54,
    pseudonym: "C-BBBB00000054",
    status: "pending",
    requested_by_username: "caseworker",
    decided_by_username: null,
    created_at: "2026-11-30T10:00:00Z",
    decided_at: null,
    opened_at: null,
    ...overrides,
  };
}

const CHILD = { id: 54, pseudonym: "C-BBBB00000054", given_name: "Rosa", family_name: "Demo", sex: "female" };

interface Answers {
  mine?: SealedReadRow[];
  toDecide?: SealedReadRow[];
  post?: (path: string, body: unknown) => Promise<unknown>;
}

function provider({ mine = [], toDecide = [], post }: Answers) {
  const get = vi.fn(async (path: string) => {
    if (path.startsWith("/records/preview/")) return PREVIEW;
    if (path.includes("scope=to_decide")) return { results: toDecide };
    if (path.includes("scope=mine")) return { results: mine };
    throw new Error(`unexpected ${path}`);
  });
  const send = vi.fn(post ?? (async () => ({})));
  const failing = () => Promise.reject(new Error("not used"));
  return {
    get,
    post: send,
    put: failing,
    getList: failing,
    getOne: failing,
    getMany: failing,
    getManyReference: failing,
    create: failing,
    update: failing,
    updateMany: failing,
    delete: failing,
    deleteMany: failing,
  };
}

function renderAs(role: string, answers: Answers = {}) {
  const dataProvider = provider(answers);
  render(
    <MemoryRouter>
      <AdminContext i18nProvider={i18nProvider} dataProvider={dataProvider} authProvider={authAs(role)}>
        <RecordsPage />
      </AdminContext>
    </MemoryRouter>,
  );
  return dataProvider;
}

afterEach(() => vi.restoreAllMocks());

describe("the records page", () => {
  it("shows a supervisor the 30-day preview, by pseudonym, with the action and the day in the reader's language", async () => {
    const api = renderAs("supervisor");
    const preview = await screen.findByTestId("records-preview");
    await within(preview).findByText("C-BBBB00000054");
    expect(within(preview).getByText("Remove the identity")).toBeInTheDocument();
    expect(within(preview).getByText("Seal")).toBeInTheDocument();
    expect(within(preview).getByText(formatDay("2026-12-21", "en"))).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith("/records/preview/");
    // The standards REC-3 enforces, quoted.
    expect(screen.getByText("CRC/C/GC/24, para. 71")).toBeInTheDocument();
    expect(screen.getByText(/Upon release, the records of juveniles shall be sealed/)).toBeInTheDocument();
  });

  it("offers a caseworker the break-glass request and their requests, never the preview or the decisions", async () => {
    const api = renderAs("caseworker", { mine: [row({ status: "pending" })] });
    await screen.findByTestId("form-sealed-read");
    expect(await screen.findByText("Waiting for a second supervisor")).toBeInTheDocument();
    expect(screen.queryByTestId("records-preview")).toBeNull();
    expect(screen.queryByTestId("sealed-reads-to-decide")).toBeNull();
    expect(api.get).not.toHaveBeenCalledWith("/records/preview/");
    expect(api.get.mock.calls.map(([path]) => path)).not.toContain("/records/sealed-reads/?scope=to_decide&page_size=100");
    // Nothing to open before a second supervisor approves.
    expect(screen.queryByRole("button", { name: /Open the record/ })).toBeNull();
  });

  it("shows a role without break-glass only the explanation", async () => {
    renderAs("legal_counsel");
    await screen.findByText("The standards");
    expect(screen.queryByTestId("break-glass")).toBeNull();
    expect(screen.queryByTestId("records-preview")).toBeNull();
  });

  it("asks with the child's number and the reason, and says the request waits for a second supervisor", async () => {
    const api = renderAs("caseworker", { post: async () => ({ request: 7, status: "pending" }) });
    const form = await screen.findByTestId("form-sealed-read");
    fireEvent.change(within(form).getByLabelText(/Child number/), { target: { value: "54" } });
    fireEvent.change(within(form).getByLabelText(/Why you need this sealed record/), {
      target: { value: "Court asked for the earlier file in a related hearing" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Ask to read a sealed record" }));
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith("/records/sealed-read/", {
        child: 54,
        reason: "Court asked for the earlier file in a related hearing",
      }),
    );
    expect(await screen.findByText("Your request waits for a second supervisor's approval.")).toBeInTheDocument();
    expect(screen.queryByTestId("sealed-record")).toBeNull();
  });

  it("refuses a reason shorter than 20 characters before asking the server", async () => {
    const api = renderAs("caseworker");
    const form = await screen.findByTestId("form-sealed-read");
    fireEvent.change(within(form).getByLabelText(/Child number/), { target: { value: "54" } });
    fireEvent.change(within(form).getByLabelText(/Why you need this sealed record/), { target: { value: "Because" } });
    fireEvent.click(within(form).getByRole("button", { name: "Ask to read a sealed record" }));
    expect(await within(form).findByText("Give the reason in at least 20 characters.")).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });

  it("shows the record at once, under the audit banner, where no second person is needed", async () => {
    renderAs("caseworker", { post: async () => ({ child: CHILD }) });
    const form = await screen.findByTestId("form-sealed-read");
    fireEvent.change(within(form).getByLabelText(/Child number/), { target: { value: "54" } });
    fireEvent.change(within(form).getByLabelText(/Why you need this sealed record/), {
      target: { value: "Court asked for the earlier file in a related hearing" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Ask to read a sealed record" }));
    const record = await screen.findByTestId("sealed-record");
    expect(within(record).getByRole("alert")).toHaveTextContent("audited and reported to the oversight body");
    expect(within(record).getByText("Rosa")).toBeInTheDocument();
    expect(within(record).queryByRole("textbox")).toBeNull(); // read-only
  });

  it("opens an approved request once, read-only, under the banner", async () => {
    const api = renderAs("caseworker", {
      mine: [row({ id: 3, status: "approved", decided_by_username: "supervisor" })],
      post: async () => ({ child: CHILD }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Open the record C-BBBB00000054" }));
    const record = await screen.findByTestId("sealed-record");
    expect(api.post).toHaveBeenCalledWith("/records/sealed-read/3/open/", {});
    expect(within(record).getByTestId("sealed-read-banner")).toBeVisible();
    expect(within(record).getByText("Demo")).toBeInTheDocument();
    fireEvent.click(within(record).getByRole("button", { name: "Close the record" }));
    await waitFor(() => expect(screen.queryByTestId("sealed-record")).toBeNull());
  });

  it("lets a second supervisor approve or refuse what waits for them", async () => {
    const api = renderAs("supervisor", { toDecide: [row({ id: 5 })], post: async () => ({ request: 5, status: "approved" }) });
    const waiting = await screen.findByTestId("sealed-reads-to-decide");
    fireEvent.click(await within(waiting).findByRole("button", { name: "Approve: C-BBBB00000054, caseworker" }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith("/records/sealed-read/5/decide/", { approve: true }));
    expect(within(waiting).getByRole("button", { name: "Refuse: C-BBBB00000054, caseworker" })).toBeInTheDocument();
  });
});

describe("the Records menu entry", () => {
  it("is offered to exactly the roles the capability table lets preview or break glass", () => {
    for (const role of Object.keys(TABLE.roles)) {
      const capable = ["records.preview", "records.sealed_read", "records.sealed_read_approve"].some((action) =>
        allows(TABLE.roles[role], action),
      );
      expect(canAccess(role, "records", "list"), role).toBe(capable);
    }
  });
});

describe("formatDay", () => {
  it("shows the calendar day in the reader's language, whatever the zone", () => {
    expect(formatDay("2026-12-21", "en")).toBe("Dec 21, 2026");
    expect(formatDay("2026-12-21", "fr")).toBe("21 déc. 2026");
    expect(formatDay(null, "en")).toBe("");
  });
});
