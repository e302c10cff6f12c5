/** A hand-written DRF data provider: page_size/ordering/search and id__in, PATCH with the version read.
 * Paging is by keyset: each answer carries the cursors of the pages beside it, remembered per list so the next
 * and previous pages are fetched by cursor (constant time at any depth); a page with no cursor known (the first,
 * or a jump) is asked for by number. Counts are capped by the server: past the cap, react-admin gets `pageInfo`
 * (previous/next) instead of a total. */
import type { DataProvider, GetListParams, GetListResult, Identifier, RaRecord } from "react-admin";

import { apiFetch, apiUpload } from "./http";

interface Page<T> {
  count: number;
  /** false when `count` is the server's cap (there are at least that many rows). */
  count_exact?: boolean;
  next_cursor?: string | null;
  previous_cursor?: string | null;
  results: T[];
}

/** list (path + query without the page) -> page number -> the cursor that fetches that page. */
const cursors = new Map<string, Map<number, string>>();
const MAX_REMEMBERED_LISTS = 50;

export function forgetCursors(): void {
  cursors.clear();
}

function cursorsOf(key: string): Map<number, string> {
  let known = cursors.get(key);
  if (!known) {
    if (cursors.size >= MAX_REMEMBERED_LISTS) cursors.delete(cursors.keys().next().value as string);
    known = new Map();
    cursors.set(key, known);
  }
  return known;
}

/** react-admin resource name -> API path (sub-resources of a case are reached through getManyReference). */
const PATHS: Record<string, string> = {
  "audit-events": "/audit/events/",
  "custody-episodes": "/custody-episodes/",
  "protection-referrals": "/protection-referrals/",
  "oversight-decisions": "/oversight/decisions/",
  "child-population": "/oversight/population/",
  "removal-reviews": "/records/removal-reviews/",
};

/** Nested lists: resource -> path under its parent, for getManyReference(resource, {target, id}). Documents hang
 * under a child, a case or a custody episode: the target names the parent's resource. */
const NESTED: Record<string, (id: Identifier, target: string) => string> = {
  decisions: (id) => `/cases/${id}/decisions/`,
  timeline: (id) => `/cases/${id}/timeline/`,
  sentences: (id) => `/cases/${id}/sentences/`,
  "policy-decisions": (id) => `/policies/${id}/decisions/`,
  "access-log": (id) => `/children/${id}/access-log/`,
  "import-rows": (id) => `/imports/${id}/rows/`,
  documents: (id, target) => `/${target}/${id}/documents/`,
};

/** The only records that are ever deleted (a supervisor removes a wrongly attached document; audited). */
const DELETABLE = new Set(["documents"]);

export function pathOf(resource: string): string {
  return PATHS[resource] ?? `/${resource}/`;
}

export function listQuery(params: Partial<GetListParams>): URLSearchParams {
  const query = new URLSearchParams();
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  query.set("page", String(page));
  query.set("page_size", String(perPage));
  if (params.sort?.field) {
    query.set("ordering", `${params.sort.order === "DESC" ? "-" : ""}${params.sort.field}`);
  }
  for (const [key, value] of Object.entries(params.filter ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "q") query.set("search", String(value));
    else if (Array.isArray(value)) query.set(`${key}__in`, value.join(","));
    else query.set(key, String(value));
  }
  return query;
}

type Row = Record<string, unknown>;

/** Records need an `id`: a policy is identified by its jurisdiction's code, an audit event by its sequence number.
 * The row is the JSON the API answered for this resource; react-admin's caller names its record type (R), which
 * the generated API types (src/api) describe. */
function withId<R extends RaRecord>(resource: string, row: Row): R {
  let id = row.id;
  if (resource === "policies" && id === undefined) id = row.jurisdiction;
  if ((resource === "audit-events" || resource === "access-log") && id === undefined) id = row.seq;
  const record: Row & { id: unknown } = { ...row, id };
  return record as R;
}

async function fetchList<R extends RaRecord>(
  resource: string,
  path: string,
  params: Partial<GetListParams>,
): Promise<GetListResult<R>> {
  const rest = listQuery(params);
  const page = Number(rest.get("page") ?? 1);
  rest.delete("page");
  const known = cursorsOf(`${path}?${rest}`);
  const cursor = page > 1 ? known.get(page) : undefined;
  const query = new URLSearchParams(cursor ? { cursor } : { page: String(page) });
  for (const [key, value] of rest) query.append(key, value);
  const body = await apiFetch<Page<Row> | Row[]>(`${path}?${query}`);
  if (Array.isArray(body)) {
    return { data: body.map((row) => withId<R>(resource, row)), total: body.length };
  }
  if (body.next_cursor) known.set(page + 1, body.next_cursor);
  if (body.previous_cursor && page > 1) known.set(page - 1, body.previous_cursor);
  const data = body.results.map((row) => withId<R>(resource, row));
  if (body.count_exact === false) {
    return { data, pageInfo: { hasNextPage: Boolean(body.next_cursor), hasPreviousPage: page > 1 } };
  }
  return { data, total: body.count };
}

export const dataProvider: DataProvider & {
  post: <T = Record<string, unknown>>(path: string, body: unknown) => Promise<T>;
  put: <T = Record<string, unknown>>(path: string, body: unknown) => Promise<T>;
  get: <T = Record<string, unknown>>(path: string) => Promise<T>;
  upload: <T = Record<string, unknown>>(path: string, form: FormData) => Promise<T>;
} = {
  getList: <R extends RaRecord>(resource: string, params: Partial<GetListParams>) =>
    fetchList<R>(resource, pathOf(resource), params),

  getOne: async <R extends RaRecord>(resource: string, params: { id: Identifier }) => {
    const row = await apiFetch<Row>(`${pathOf(resource)}${encodeURIComponent(String(params.id))}/`);
    return { data: withId<R>(resource, row) };
  },

  getMany: async <R extends RaRecord>(resource: string, params: { ids: Identifier[] }) => {
    if (params.ids.length === 0) return { data: [] };
    const query = new URLSearchParams({ id__in: params.ids.join(","), page_size: String(params.ids.length) });
    const body = await apiFetch<Page<Row>>(`${pathOf(resource)}?${query}`);
    return { data: body.results.map((row) => withId<R>(resource, row)) };
  },

  getManyReference: <R extends RaRecord>(
    resource: string,
    params: Partial<GetListParams> & { target: string; id: Identifier },
  ) => {
    const nested = NESTED[resource];
    if (nested) return fetchList<R>(resource, nested(params.id, params.target), params);
    return fetchList<R>(resource, pathOf(resource), { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },

  create: async <R extends RaRecord>(resource: string, params: { data: Partial<R> }) => {
    const row = await apiFetch<Row>(pathOf(resource), { method: "POST", body: JSON.stringify(params.data) });
    return { data: withId<R>(resource, row) };
  },

  update: async <R extends RaRecord>(resource: string, params: { id: Identifier; data: Partial<R>; previousData?: R }) => {
    const previous: Row = { ...params.previousData };
    const data: Row = { ...params.data };
    const changed: Row = {};
    for (const [key, value] of Object.entries(data)) {
      if (JSON.stringify(value) !== JSON.stringify(previous[key])) changed[key] = value;
    }
    const version = data.version ?? previous.version;
    const row = await apiFetch<Row>(`${pathOf(resource)}${encodeURIComponent(String(params.id))}/`, {
      method: "PATCH",
      body: JSON.stringify({ ...changed, version }),
    });
    return { data: withId<R>(resource, row) };
  },

  updateMany: () => Promise.reject(new Error("Bulk updates are not supported: every change is its own audited step.")),
  delete: async <R extends RaRecord>(resource: string, params: { id: Identifier; previousData?: R }) => {
    if (!DELETABLE.has(resource)) throw new Error("Records are never deleted: close or end them instead.");
    await apiFetch(`${pathOf(resource)}${encodeURIComponent(String(params.id))}/`, { method: "DELETE" });
    return { data: params.previousData ?? withId<R>(resource, { id: params.id }) };
  },
  deleteMany: () => Promise.reject(new Error("Records are never deleted: close or end them instead.")),

  post: (path, body) => apiFetch(path, { method: "POST", body: JSON.stringify(body) }),
  put: (path, body) => apiFetch(path, { method: "PUT", body: JSON.stringify(body) }),
  get: (path) => apiFetch(path),
  upload: (path, form) => apiUpload(path, form),
};
