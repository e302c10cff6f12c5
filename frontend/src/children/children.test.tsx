import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AdminContext, Form, RecordContextProvider, TextInput, testDataProvider } from "react-admin";
import { describe, expect, it, vi } from "vitest";

import type { Schemas } from "../api";
import { i18nProvider } from "../i18n";
import { authAs } from "../test/authAs";
import { AccessLog } from "./AccessLog";
import { ChildTimeline } from "./ChildTimeline";
import { type DuplicateMatch, DuplicateWarning } from "./DuplicateWarning";

const amara: DuplicateMatch = {
  id: 4,
  pseudonym: "C-0004",
  given_name: "Amara",
  family_name: "Okafor",
  date_of_birth: "2011-03-02",
  score: 0.9,
  reasons: ["similar_name", "date_of_birth"],
};

describe("DuplicateWarning", () => {
  it("asks once the given name has two letters, shows the matches, and hides them when the name is cleared", async () => {
    const post = vi.fn().mockResolvedValue([amara]);
    render(
      <AdminContext dataProvider={testDataProvider({ post })} i18nProvider={i18nProvider}>
        <Form>
          <TextInput source="given_name" label="Given name" />
          <TextInput source="family_name" label="Family name" />
          <DuplicateWarning debounceMs={0} />
        </Form>
      </AdminContext>,
    );
    const given = await screen.findByLabelText("Given name");
    await userEvent.type(given, "A");
    expect(post).not.toHaveBeenCalled();
    await userEvent.type(given, "m");
    const warning = await screen.findByTestId("duplicate-warning");
    expect(warning).toHaveTextContent("A child who may be the same is already registered");
    expect(warning).toHaveTextContent("Amara Okafor (C-0004) · 2011-03-02 · similar name, same date of birth");
    expect(post).toHaveBeenLastCalledWith("/children/duplicates/", { given_name: "Am", family_name: "", date_of_birth: null });
    await userEvent.clear(given);
    await waitFor(() => expect(screen.queryByTestId("duplicate-warning")).not.toBeInTheDocument());
  });
});

type CaseEvent = Schemas["CaseEvent"];
const event = (id: number, occurred_at: string, summary: string): CaseEvent => ({
  id,
  kind: "note",
  occurred_at,
  summary,
  actor_username: "amara",
  data: {},
});

describe("ChildTimeline", () => {
  it("merges the timelines of the child's cases, newest first, each line naming its case", async () => {
    const getList = vi.fn().mockResolvedValue({ data: [{ id: 1, reference: "N-1" }, { id: 2, reference: "N-2" }], total: 2 });
    const timelines: Record<number, CaseEvent[]> = {
      1: [event(10, "2026-01-05T10:00:00Z", "Case opened"), event(11, "2026-03-01T10:00:00Z", "Charged")],
      2: [event(20, "2026-02-01T10:00:00Z", "Second case opened")],
    };
    const getManyReference = vi.fn().mockImplementation(async (_resource: string, params: { id: unknown }) => {
      const data = timelines[Number(params.id)] ?? [];
      return { data, total: data.length };
    });
    render(
      <AdminContext dataProvider={testDataProvider({ getList, getManyReference })} i18nProvider={i18nProvider}>
        <RecordContextProvider value={{ id: 7 }}>
          <ChildTimeline />
        </RecordContextProvider>
      </AdminContext>,
    );
    await screen.findByRole("heading", { name: "Timeline" });
    const lines = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(lines).toHaveLength(3);
    ["Charged", "Second case opened", "Case opened"].forEach((summary, i) => expect(lines[i]).toMatch(new RegExp(`^${summary}[A-Z0-9]`)));
    expect(lines[1]).toContain("N-2");
    expect(getList).toHaveBeenCalledWith("cases", expect.objectContaining({ filter: { child: 7 } }));
    expect(getManyReference).toHaveBeenCalledWith("timeline", expect.objectContaining({ target: "case", id: 1 }));
  });
});

describe("AccessLog", () => {
  const entry = {
    id: 41,
    seq: 41,
    occurred_at: "2026-11-02T09:00:00Z",
    actor_username: "kofi",
    actor_role: "caseworker",
    action: "child.read",
    outcome: "allowed",
  };

  it("a supervisor reads who opened the file, from the child's access log", async () => {
    const getManyReference = vi.fn().mockResolvedValue({ data: [entry], total: 1 });
    render(
      <AdminContext dataProvider={testDataProvider({ getManyReference })} i18nProvider={i18nProvider} authProvider={authAs("supervisor")}>
        <RecordContextProvider value={{ id: 7 }}>
          <AccessLog />
        </RecordContextProvider>
      </AdminContext>,
    );
    expect(await screen.findByText("kofi (caseworker) · child.read · allowed")).toBeInTheDocument();
    expect(getManyReference).toHaveBeenCalledWith("access-log", expect.objectContaining({ target: "child", id: 7 }));
  });

  it("is neither shown nor asked for other roles", async () => {
    const getManyReference = vi.fn().mockResolvedValue({ data: [entry], total: 1 });
    const { container } = render(
      <AdminContext dataProvider={testDataProvider({ getManyReference })} i18nProvider={i18nProvider} authProvider={authAs("caseworker")}>
        <RecordContextProvider value={{ id: 7 }}>
          <AccessLog />
        </RecordContextProvider>
      </AdminContext>,
    );
    await waitFor(() => expect(container).toBeEmptyDOMElement());
    expect(getManyReference).not.toHaveBeenCalled();
  });
});
