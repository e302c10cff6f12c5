import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { dataProvider, forgetCursors, listQuery } from "./dataProvider";

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];
let responses: { status: number; body: unknown }[] = [];

beforeEach(() => {
  forgetCursors();
  calls = [];
  responses = [];
  document.cookie = "csrftoken=tok123";
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const next = responses.shift() ?? { status: 200, body: {} };
    return new Response(next.status === 204 ? null : JSON.stringify(next.body), { status: next.status });
  });
});
afterEach(() => vi.unstubAllGlobals());

const respond = (status: number, body: unknown) => responses.push({ status, body });

describe("listQuery", () => {
  it("maps react-admin paging, sorting, search and filters to DRF", () => {
    const q = listQuery({
      pagination: { page: 3, perPage: 50 },
      sort: { field: "opened_at", order: "DESC" },
      filter: { q: "amara", status: "open", empty: "", ids: [1, 2] },
    });
    expect(q.get("page")).toBe("3");
    expect(q.get("page_size")).toBe("50");
    expect(q.get("ordering")).toBe("-opened_at");
    expect(q.get("search")).toBe("amara");
    expect(q.get("status")).toBe("open");
    expect(q.has("empty")).toBe(false);
    expect(q.get("ids__in")).toBe("1,2");
    expect(listQuery({ sort: { field: "name", order: "ASC" } }).get("ordering")).toBe("name");
  });
});

describe("dataProvider", () => {
  it("getList reads DRF's count and results", async () => {
    respond(200, { count: 2, next: null, previous: null, results: [{ id: 1 }, { id: 2 }] });
    const result = await dataProvider.getList("children", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    expect(result).toEqual({ data: [{ id: 1 }, { id: 2 }], total: 2 });
    expect(calls[0]!.url).toBe("/api/children/?page=1&page_size=25&ordering=id");
  });

  it("getList walks pages by the cursors the server gave, and asks by number when none is known", async () => {
    const list = (page: number) =>
      dataProvider.getList("cases", { pagination: { page, perPage: 2 }, sort: { field: "opened_at", order: "DESC" }, filter: {} });
    respond(200, { count: 5, count_exact: true, next_cursor: "c2", previous_cursor: null, results: [{ id: 9 }, { id: 8 }] });
    expect(await list(1)).toEqual({ data: [{ id: 9 }, { id: 8 }], total: 5 });
    expect(calls[0]!.url).toBe("/api/cases/?page=1&page_size=2&ordering=-opened_at");
    respond(200, { count: 5, count_exact: true, next_cursor: "c3", previous_cursor: "b1", results: [{ id: 7 }, { id: 6 }] });
    await list(2);
    expect(calls[1]!.url).toBe("/api/cases/?cursor=c2&page_size=2&ordering=-opened_at");
    respond(200, { count: 5, count_exact: true, next_cursor: null, previous_cursor: "b2", results: [{ id: 5 }] });
    await list(3);
    expect(calls[2]!.url).toBe("/api/cases/?cursor=c3&page_size=2&ordering=-opened_at");
    respond(200, { count: 5, count_exact: true, next_cursor: "c3", previous_cursor: "b1", results: [{ id: 7 }, { id: 6 }] });
    await list(2);
    expect(calls[3]!.url).toBe("/api/cases/?cursor=b2&page_size=2&ordering=-opened_at");
    respond(200, { count: 5, count_exact: true, next_cursor: "x", previous_cursor: "y", results: [] });
    await dataProvider.getList("cases", { pagination: { page: 2, perPage: 2 }, sort: { field: "reference", order: "ASC" }, filter: {} });
    expect(calls[4]!.url).toBe("/api/cases/?page=2&page_size=2&ordering=reference");
  });

  it("getList gives react-admin previous/next instead of a total past the server's count cap", async () => {
    respond(200, { count: 1000, count_exact: false, next_cursor: "c2", previous_cursor: null, results: [{ id: 1 }] });
    const result = await dataProvider.getList("audit-events", { pagination: { page: 1, perPage: 1 }, sort: { field: "seq", order: "DESC" }, filter: {} });
    expect(result.total).toBeUndefined();
    expect(result.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  });

  it("getList maps resources to their paths and gives audit events and policies an id", async () => {
    respond(200, { count: 1, results: [{ seq: 7, action: "case.read" }] });
    const audit = await dataProvider.getList("audit-events", { pagination: { page: 1, perPage: 10 }, sort: { field: "seq", order: "DESC" }, filter: {} });
    expect(calls[0]!.url).toContain("/api/audit/events/?");
    expect(audit.data[0]!.id).toBe(7);
    respond(200, { jurisdiction: "northland", values: {} });
    const policy = await dataProvider.getOne("policies", { id: "northland" });
    expect(policy.data.id).toBe("northland");
  });

  it("getOne, getMany (id__in) and getManyReference (nested and filtered)", async () => {
    respond(200, { id: 5, reference: "N-1" });
    expect((await dataProvider.getOne("cases", { id: 5 })).data.reference).toBe("N-1");
    expect(calls[0]!.url).toBe("/api/cases/5/");
    respond(200, { count: 2, results: [{ id: 1 }, { id: 3 }] });
    expect((await dataProvider.getMany("children", { ids: [1, 3] })).data).toHaveLength(2);
    expect(calls[1]!.url).toBe("/api/children/?id__in=1%2C3&page_size=2");
    expect((await dataProvider.getMany("children", { ids: [] })).data).toEqual([]);
    respond(200, { count: 1, results: [{ id: 9, rule_id: "MACR-1" }] });
    const nested = await dataProvider.getManyReference("decisions", {
      target: "case", id: 5, pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "ASC" }, filter: {},
    });
    expect(nested.total).toBe(1);
    expect(calls[2]!.url).toMatch(/^\/api\/cases\/5\/decisions\/\?/);
    respond(200, [{ id: 1, kind: "case.opened" }]);
    const timeline = await dataProvider.getManyReference("timeline", {
      target: "case", id: 5, pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "ASC" }, filter: {},
    });
    expect(timeline.data).toHaveLength(1);
    respond(200, { count: 0, results: [] });
    await dataProvider.getManyReference("deadlines", {
      target: "case", id: 5, pagination: { page: 1, perPage: 10 }, sort: { field: "due_at", order: "ASC" }, filter: {},
    });
    expect(calls[4]!.url).toContain("case=5");
  });

  it("create POSTs with the CSRF token; update PATCHes only changed fields with the version read", async () => {
    respond(201, { id: 4, given_name: "Amara" });
    await dataProvider.create("children", { data: { given_name: "Amara" } });
    expect(calls[0]!.init.method).toBe("POST");
    expect(new Headers(calls[0]!.init.headers).get("X-CSRFToken")).toBe("tok123");
    respond(200, { id: 4, family_name: "Okafor", version: 3 });
    await dataProvider.update("children", {
      id: 4,
      data: { id: 4, given_name: "Amara", family_name: "Okafor", version: 2 },
      previousData: { id: 4, given_name: "Amara", family_name: "", version: 2 },
    });
    expect(calls[1]!.init.method).toBe("PATCH");
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ family_name: "Okafor", version: 2 });
  });

  it("maps 400 to field errors, 409 to the stale message and 422 to decisions", async () => {
    respond(400, { offence_date: ["Enter a valid date."], non_field_errors: ["Something else."] });
    await expect(dataProvider.create("cases", { data: {} })).rejects.toMatchObject({
      status: 400,
      body: { errors: { offence_date: "Enter a valid date.", root: { serverError: "Something else." } } },
    });
    respond(409, { detail: "changed", current_version: 4 });
    await expect(dataProvider.update("cases", { id: 1, data: { version: 3 }, previousData: { id: 1 } })).rejects.toMatchObject({
      status: 409,
      message: "jj.errors.stale",
    });
    respond(422, { detail: "refused", code: "rule_violation", decisions: [{ rule_id: "MACR-1" }] });
    await expect(dataProvider.create("cases", { data: {} })).rejects.toMatchObject({
      status: 422,
      body: { decisions: [{ rule_id: "MACR-1" }] },
    });
    respond(500, {});
    await expect(dataProvider.getOne("cases", { id: 1 })).rejects.toMatchObject({ status: 500 });
  });

  it("reads a child's access log, an import's rows and a record's documents under their parent", async () => {
    respond(200, { count: 1, results: [{ seq: 41, action: "child.read" }] });
    const log = await dataProvider.getManyReference("access-log", {
      target: "child", id: 3, pagination: { page: 1, perPage: 50 }, sort: { field: "seq", order: "DESC" }, filter: {},
    });
    expect(log.data[0]!.id).toBe(41);
    expect(calls[0]!.url).toMatch(/^\/api\/children\/3\/access-log\/\?/);
    expect(new URL(calls[0]!.url, "http://x").searchParams.get("ordering")).toBe("-seq");
    respond(200, { count: 0, results: [] });
    await dataProvider.getManyReference("import-rows", {
      target: "import", id: 8, pagination: { page: 1, perPage: 500 }, sort: { field: "row", order: "ASC" }, filter: {},
    });
    expect(calls[1]!.url).toMatch(/^\/api\/imports\/8\/rows\/\?/);
    for (const base of ["children", "cases", "custody-episodes"]) {
      respond(200, { count: 0, results: [] });
      await dataProvider.getManyReference("documents", {
        target: base, id: 5, pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "DESC" }, filter: {},
      });
      expect(calls.at(-1)!.url).toMatch(new RegExp(`^/api/${base}/5/documents/\\?`));
    }
  });

  it("deletes a document (DELETE with the CSRF token), nothing else", async () => {
    respond(204, {});
    const deleted = await dataProvider.delete("documents", { id: 12, previousData: { id: 12, original_name: "order.pdf" } });
    expect(deleted.data).toEqual({ id: 12, original_name: "order.pdf" });
    expect(calls[0]!.url).toBe("/api/documents/12/");
    expect(calls[0]!.init.method).toBe("DELETE");
    expect(new Headers(calls[0]!.init.headers).get("X-CSRFToken")).toBe("tok123");
  });

  it("uploads a multipart form with the CSRF token and the reader's language; errors as for JSON", async () => {
    respond(201, { id: 4 });
    const form = new FormData();
    form.append("document_type", "court_order");
    expect(await dataProvider.upload("/cases/5/documents/", form)).toEqual({ id: 4 });
    expect(calls[0]!.url).toBe("/api/cases/5/documents/");
    expect(calls[0]!.init.body).toBe(form);
    const headers = new Headers(calls[0]!.init.headers);
    expect(headers.get("X-CSRFToken")).toBe("tok123");
    expect(headers.has("Accept-Language")).toBe(true);
    expect(headers.has("Content-Type")).toBe(false);
    respond(400, { file: ["This file type is not accepted."] });
    await expect(dataProvider.upload("/cases/5/documents/", form)).rejects.toMatchObject({
      status: 400,
      body: { errors: { file: "This file type is not accepted." } },
    });
  });

  it("refuses deletes: records are closed or ended, never deleted", async () => {
    await expect(dataProvider.delete("cases", { id: 1 })).rejects.toThrow(/never deleted/);
    expect(calls).toHaveLength(0);
    await expect(dataProvider.deleteMany("cases", { ids: [1] })).rejects.toThrow(/never deleted/);
    await expect(dataProvider.updateMany("cases", { ids: [1], data: {} })).rejects.toThrow(/audited/);
  });

  it("fetches a CSRF token first when the cookie is missing", async () => {
    document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
    respond(204, {});
    respond(200, { ok: true });
    await dataProvider.post("/cases/1/charge/", { version: 1 });
    expect(calls[0]!.url).toBe("/api/auth/csrf/");
  });
});
