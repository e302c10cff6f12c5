/** Policy impact simulations (issue 18): what a proposed policy would have changed over a period, for oversight
 * monitors and administrators. The list, a create form with every policy parameter (prefilled from the policy edit
 * page's "Simulate"), and the result: a chart by sex and age group and the tables, suppressed cells marked. */
import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import DownloadIcon from "@mui/icons-material/Download";
import PrintIcon from "@mui/icons-material/Print";
import ScienceIcon from "@mui/icons-material/Science";
import { Alert, Box, Button as MuiButton, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { useState } from "react";
import {
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  Loading,
  NumberInput,
  SaveButton,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  Toolbar,
  required,
  useGetList,
  useGetOne,
  useListContext,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

import { API } from "../http";
import { PurposeDialog } from "../layout/ServerExportButtons";
import type { Measure, Row, Simulation, SimulationResult } from "./api";
import { MEASURES, createBody, proposedParameters, running, shown } from "./api";

export const POLL_MS = 1000;

interface Parameter {
  name: string;
  label: string;
  value: unknown;
  standard: unknown;
  choices: string[];
  minimum: number | null;
  maximum: number | null;
}

interface PolicyRecord {
  id: string;
  values: Record<string, unknown>;
  parameters: Parameter[];
}

const display = (value: unknown) => (value === null || value === undefined ? "-" : Array.isArray(value) ? value.join(", ") || "-" : String(value));

function StatusField() {
  const translate = useTranslate();
  const record = useRecordContext<Simulation>();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 120 }}>
      {translate(`jj.simulation.status.${record.status}`)}
      {running(record) && <LinearProgress variant="determinate" value={record.progress} aria-label={translate("jj.simulation.progress")} />}
    </Box>
  );
}

export function SimulationList() {
  const translate = useTranslate();
  const suppressed = translate("jj.simulation.suppressed");
  return (
    <List exporter={false} sort={{ field: "created_at", order: "DESC" }}>
      <Typography variant="body2" sx={{ px: 2, pt: 1 }}>{translate("jj.simulation.compare_help")}</Typography>
      <Datagrid rowClick="show" bulkActionButtons={<CompareButton />}>
        <DateField source="created_at" label="jj.simulation.created_at" showTime />
        <FunctionField label="jj.simulation.parameters" render={(r: Simulation) => Object.entries(r.parameters).map(([k, v]) => `${k} = ${display(v)}`).join("; ")} />
        <FunctionField label="jj.simulation.period" render={(r: Simulation) => `${r.period_from} – ${r.period_to}`} />
        <FunctionField label="jj.simulation.status_label" render={() => <StatusField />} />
        <FunctionField label="jj.simulation.measures.cases_removed" render={(r: Simulation) => (r.totals ? shown(r.totals.cases_removed, suppressed) : "")} />
        <FunctionField label="jj.simulation.measures.child_days_avoided" render={(r: Simulation) => (r.totals ? shown(r.totals.child_days_avoided, suppressed) : "")} />
        <TextField source="requested_by_username" label="jj.simulation.requested_by" sortable={false} />
      </Datagrid>
    </List>
  );
}

function ParameterInputs({ parameters }: { parameters: Parameter[] }) {
  return (
    <>
      {parameters.map((p) => {
        const help = `Standard: ${display(p.standard)}`;
        if (p.choices.length > 0) {
          return <SelectInput key={p.name} source={p.name} label={p.label} helperText={help} choices={p.choices.map((c) => ({ id: c, name: c }))} />;
        }
        if (typeof p.standard === "boolean") return <BooleanInput key={p.name} source={p.name} label={p.label} helperText={help} />;
        if (Array.isArray(p.standard)) return null;
        return <NumberInput key={p.name} source={p.name} label={p.label} helperText={help} min={p.minimum ?? undefined} max={p.maximum ?? undefined} />;
      })}
    </>
  );
}

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function SimulationCreate() {
  const translate = useTranslate();
  const location = useLocation();
  const { data, isPending } = useGetList<PolicyRecord>("policies", { pagination: { page: 1, perPage: 10 } });
  if (isPending) return <Loading />;
  const policy = data?.[0];
  if (!policy) return null;
  const prefill = ((location.state as { prefill?: Record<string, unknown> } | null)?.prefill ?? {}) as Record<string, unknown>;
  const today = new Date();
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
  const defaults = { ...policy.values, ...prefill, period_from: isoDay(yearAgo), period_to: isoDay(today) };
  return (
    <Create redirect="show" transform={(values: Record<string, unknown>) => createBody(values, policy.values)}>
      {/* A proposal prefilled from the policy page is ready to send as it is: saving needs no further edit. */}
      <SimpleForm defaultValues={defaults} toolbar={<Toolbar><SaveButton alwaysEnable /></Toolbar>}>
        <Typography variant="body2" sx={{ mb: 2 }}>{translate("jj.simulation.create_help")}</Typography>
        <Box sx={{ display: "flex", gap: 2 }}>
          <DateInput source="period_from" label="jj.simulation.period_from" validate={required()} />
          <DateInput source="period_to" label="jj.simulation.period_to" validate={required()} />
        </Box>
        <ParameterInputs parameters={policy.parameters} />
      </SimpleForm>
    </Create>
  );
}

/** On the policy edit page: the edited values, before they are saved, opened as a simulation. */
export function SimulateButton({ values, current }: { values: Record<string, unknown>; current: Record<string, unknown> }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <MuiButton
      variant="outlined"
      startIcon={<ScienceIcon />}
      onClick={() => navigate("/simulations/create", { state: { prefill: proposedParameters(values, current) } })}
    >
      {translate("jj.simulation.simulate")}
    </MuiButton>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2">{title}</Typography>
      {children}
    </Box>
  );
}

function ImpactChart({ rows, label }: { rows: Row[]; label: string }) {
  const translate = useTranslate();
  const data = rows.map((r) => ({
    group: translate(`jj.simulation.groups.${r.group}`, { _: r.group }),
    cases: r.cases_removed,
    episodes: r.episodes_avoided,
  }));
  return (
    <Box component="figure" role="group" aria-label={label} sx={{ m: 0, mb: 2 }}>
      <Typography component="figcaption" variant="subtitle2">{label}</Typography>
      <BarChart width={640} height={240} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="group" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="cases" name={translate("jj.simulation.measures.cases_removed")} fill="#1565c0" isAnimationActive={false} />
        <Bar dataKey="episodes" name={translate("jj.simulation.measures.episodes_avoided")} fill="#c62828" isAnimationActive={false} />
      </BarChart>
    </Box>
  );
}

function BreakdownTable({ rows, dimension }: { rows: Row[]; dimension: string }) {
  const translate = useTranslate();
  const suppressed = translate("jj.simulation.suppressed");
  const label = translate("jj.simulation.by", { dimension: translate(`jj.simulation.dimensions.${dimension}`) });
  return (
    <Table size="small" aria-label={label} sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(`jj.simulation.dimensions.${dimension}`)}</TableCell>
          {MEASURES.map((m) => <TableCell key={m} align="right">{translate(`jj.simulation.measures.${m}`)}</TableCell>)}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.group}>
            <TableCell>{translate(`jj.simulation.groups.${r.group}`, { _: r.group })}</TableCell>
            {MEASURES.map((m: Measure) => <TableCell key={m} align="right">{shown(r[m], suppressed)}</TableCell>)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Result({ simulation, result }: { simulation: Simulation; result: SimulationResult }) {
  const translate = useTranslate();
  const suppressed = translate("jj.simulation.suppressed");
  const share = result.coverage.share === null ? "-" : `${Math.round(result.coverage.share * 1000) / 10}%`;
  return (
    <Box>
      <Alert severity={result.coverage.share === 1 ? "info" : "warning"} sx={{ mb: 2 }}>
        {translate("jj.simulation.coverage", { replayable: result.coverage.replayable, acts: result.coverage.acts, share })}
        {` ${result.reproduced.mismatches > 0 ? translate("jj.simulation.mismatches", { count: result.reproduced.mismatches }) : translate("jj.simulation.reproduced")}`}
      </Alert>
      <Section title={translate("jj.simulation.parameters")}>
        <Table size="small" aria-label={translate("jj.simulation.parameters")}>
          <TableHead>
            <TableRow>
              <TableCell>{translate("jj.simulation.parameter")}</TableCell>
              <TableCell>{translate("jj.simulation.current")}</TableCell>
              <TableCell>{translate("jj.simulation.proposed")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.parameters.map((p) => (
              <TableRow key={p.name}>
                <TableCell>{p.label}</TableCell>
                <TableCell>{display(p.current)}</TableCell>
                <TableCell>{display(p.proposed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title={translate("jj.simulation.totals")}>
        <Table size="small" aria-label={translate("jj.simulation.totals")}>
          <TableBody>
            {MEASURES.map((m) => (
              <TableRow key={m} data-testid={`total-${m}`}>
                <TableCell component="th" scope="row">{translate(`jj.simulation.measures.${m}`)}</TableCell>
                <TableCell align="right">{shown(result.totals[m], suppressed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate("jj.simulation.threshold", { threshold: result.threshold })}
        </Typography>
      </Section>
      <Section title={translate("jj.simulation.by_group")}>
        <ImpactChart rows={result.breakdown.sex} label={translate("jj.simulation.by", { dimension: translate("jj.simulation.dimensions.sex") })} />
        <ImpactChart rows={result.breakdown.age_group} label={translate("jj.simulation.by", { dimension: translate("jj.simulation.dimensions.age_group") })} />
        {(["sex", "age_group", "agency"] as const).map((d) => <BreakdownTable key={d} rows={result.breakdown[d]} dimension={d} />)}
      </Section>
      <Section title={translate("jj.simulation.rules")}>
        <Table size="small" aria-label={translate("jj.simulation.rules")}>
          <TableHead>
            <TableRow>
              <TableCell>{translate("jj.simulation.rule")}</TableCell>
              <TableCell>{translate("jj.simulation.decided")}</TableCell>
              <TableCell>{translate("jj.simulation.would_be")}</TableCell>
              <TableCell align="right">{translate("jj.simulation.acts")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.rules.map((r) => (
              <TableRow key={`${r.rule_id}-${r.from}-${r.to}`}>
                <TableCell>{r.rule_id}</TableCell>
                <TableCell>{translate(`jj.simulation.outcomes.${r.from}`, { _: r.from })}</TableCell>
                <TableCell>{translate(`jj.simulation.outcomes.${r.to}`, { _: r.to })}</TableCell>
                <TableCell align="right">{r.acts}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate("jj.simulation.acts_summary", result.acts)}
        </Typography>
      </Section>
      <Section title={translate("jj.simulation.missing")}>
        {Object.keys(result.missing).length === 0 ? (
          <Typography variant="body2">{translate("jj.simulation.nothing_missing")}</Typography>
        ) : (
          <Table size="small" aria-label={translate("jj.simulation.missing")}>
            <TableBody>
              {Object.entries(result.missing).map(([k, v]) => (
                <TableRow key={k}>
                  <TableCell component="th" scope="row">{translate(`jj.simulation.missing_kinds.${k}`, { _: k })}</TableCell>
                  <TableCell align="right">{v}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <ExportButtons simulation={simulation} />
    </Box>
  );
}

/** The result as CSV and XLSX, and the printable report (PDF) in the reader's language (English for Arabic). */
function ExportButtons({ simulation }: { simulation: Simulation }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const base = `${API}/simulations/${simulation.id}`;
  const [asked, setAsked] = useState<"csv" | "xlsx" | "pdf" | null>(null);
  const href = (purpose: string) => {
    const query = new URLSearchParams({ purpose });
    if (asked === "pdf") query.set("lang", locale);
    return `${base}/${asked}/?${query}`;
  };
  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
      <MuiButton onClick={() => setAsked("csv")} startIcon={<DownloadIcon />}>
        {translate("jj.simulation.export_csv")}
      </MuiButton>
      <MuiButton onClick={() => setAsked("xlsx")} startIcon={<DownloadIcon />}>
        {translate("jj.simulation.export_xlsx")}
      </MuiButton>
      <MuiButton onClick={() => setAsked("pdf")} startIcon={<PrintIcon />}>
        {translate("jj.simulation.export_pdf")}
      </MuiButton>
      <PurposeDialog open={asked !== null} onClose={() => setAsked(null)} href={href} newTab={asked === "pdf"} />
    </Box>
  );
}

function SimulationBody() {
  const translate = useTranslate();
  const record = useRecordContext<Simulation>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate("jj.simulation.period")}: {record.period_from} – {record.period_to} · {translate("jj.simulation.requested_by")}: {record.requested_by_username}
      </Typography>
      {running(record) && (
        <Box role="status" aria-live="polite">
          {translate(`jj.simulation.status.${record.status}`)}
          <LinearProgress variant="determinate" value={record.progress} aria-label={translate("jj.simulation.progress")} />
        </Box>
      )}
      {record.status === "failed" && <Alert severity="error">{record.error}</Alert>}
      {record.status === "done" && record.result && <Result simulation={record} result={record.result} />}
    </Box>
  );
}

export function SimulationShow() {
  return (
    <Show
      queryOptions={{
        refetchInterval: (query: { state: { data?: Simulation } }) => (running(query.state.data) ? POLL_MS : false),
      }}
    >
      <SimulationBody />
    </Show>
  );
}

/** In the list, with two simulations ticked: open them side by side. */
function CompareButton() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { selectedIds } = useListContext();
  return (
    <MuiButton
      size="small"
      startIcon={<CompareArrowsIcon />}
      disabled={selectedIds.length !== 2}
      title={selectedIds.length !== 2 ? translate("jj.simulation.compare_pick") : undefined}
      onClick={() => navigate(`/simulations/compare?ids=${selectedIds.join(",")}`)}
    >
      {translate("jj.simulation.compare")}
    </MuiButton>
  );
}

const GROUPED = ["sex", "age_group", "agency"] as const;

/** Two kept simulations next to each other (`#/simulations/compare?ids=A,B`): the proposals, how much of each
 * period could be decided again, every total, and cases and child-days by sex, age group and agency. Suppressed
 * cells stay suppressed. */
export function SimulationCompare() {
  const translate = useTranslate();
  const [params] = useSearchParams();
  // The older simulation first, whichever order they were ticked in.
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean).sort((a, b) => Number(a) - Number(b));
  const first = useGetOne<Simulation>("simulations", { id: Number(ids[0] ?? 0) }, { enabled: ids.length === 2 });
  const second = useGetOne<Simulation>("simulations", { id: Number(ids[1] ?? 0) }, { enabled: ids.length === 2 });
  if (ids.length !== 2) return <Alert severity="info" sx={{ m: 2 }}>{translate("jj.simulation.compare_pick")}</Alert>;
  if (first.isPending || second.isPending) return <Loading />;
  const pair = [first.data, second.data].filter((s): s is Simulation => s !== undefined);
  if (pair.length !== 2) return <Alert severity="error" sx={{ m: 2 }}>{translate("jj.simulation.compare_pick")}</Alert>;
  return <Comparison pair={pair} />;
}

function Comparison({ pair }: { pair: Simulation[] }) {
  const translate = useTranslate();
  const suppressed = translate("jj.simulation.suppressed");
  const title = (s: Simulation) => translate("jj.simulation.simulation_n", { id: s.id });
  const head = (
    <TableHead>
      <TableRow>
        <TableCell>{translate("jj.simulation.item")}</TableCell>
        {pair.map((s) => (
          <TableCell key={s.id} align="right">
            <Link to={`/simulations/${s.id}/show`}>{title(s)}</Link>
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
  const results = pair.map((s) => s.result ?? null);
  const line = (key: string, label: string, cell: (s: Simulation, r: SimulationResult | null) => ReactNode) => (
    <TableRow key={key}>
      <TableCell component="th" scope="row">{label}</TableCell>
      {pair.map((s, i) => <TableCell key={s.id} align="right">{cell(s, results[i] ?? null)}</TableCell>)}
    </TableRow>
  );
  const parameterNames = [...new Set(pair.flatMap((s) => Object.keys(s.parameters)))];
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>{translate("jj.simulation.compare_title")}</Typography>
      <Section title={translate("jj.simulation.parameters")}>
        <Table size="small" aria-label={translate("jj.simulation.parameters")}>
          {head}
          <TableBody>
            {line("period", translate("jj.simulation.period"), (s) => `${s.period_from} – ${s.period_to}`)}
            {parameterNames.map((name) =>
              line(name, results.map((r) => r?.parameters.find((p) => p.name === name)?.label).find(Boolean) ?? name, (s, r) => {
                const p = r?.parameters.find((x) => x.name === name);
                return p ? `${display(p.current)} → ${display(p.proposed)}` : display(s.parameters[name]);
              }),
            )}
            {line("requested_by", translate("jj.simulation.requested_by"), (s) => s.requested_by_username)}
            {line("status", translate("jj.simulation.status_label"), (s) => translate(`jj.simulation.status.${s.status}`))}
            {line("coverage", translate("jj.simulation.coverage_short"), (_, r) => (r ? `${r.coverage.replayable} / ${r.coverage.acts}` : "-"))}
            {line("mismatches", translate("jj.simulation.mismatches_short"), (_, r) => (r ? r.reproduced.mismatches : "-"))}
          </TableBody>
        </Table>
      </Section>
      <Section title={translate("jj.simulation.totals")}>
        <Table size="small" aria-label={translate("jj.simulation.totals")}>
          {head}
          <TableBody>
            {MEASURES.map((m) => line(m, translate(`jj.simulation.measures.${m}`), (_, r) => (r ? shown(r.totals[m], suppressed) : "-")))}
          </TableBody>
        </Table>
      </Section>
      {GROUPED.map((dimension) => {
        const label = translate("jj.simulation.by", { dimension: translate(`jj.simulation.dimensions.${dimension}`) });
        const groups = [...new Set(results.flatMap((r) => (r ? r.breakdown[dimension].map((row) => row.group) : [])))];
        const cell = (r: SimulationResult | null, group: string, m: Measure) => {
          const row = r?.breakdown[dimension].find((x) => x.group === group);
          return row ? shown(row[m], suppressed) : "0";
        };
        const chart = groups.map((group) => ({
          group: translate(`jj.simulation.groups.${group}`, { _: group }),
          // A suppressed cell draws no bar (the table says "suppressed"); a group absent from a result is 0.
          ...Object.fromEntries(
            pair.map((s, i) => {
              const row = results[i]?.breakdown[dimension].find((x) => x.group === group);
              return [title(s), row ? row.cases_removed : 0];
            }),
          ),
        }));
        return (
          <Section key={dimension} title={label}>
            {dimension !== "agency" && (
              <Box component="figure" role="group" aria-label={`${label}: ${translate("jj.simulation.measures.cases_removed")}`} sx={{ m: 0, mb: 2 }}>
                <BarChart width={640} height={220} data={chart}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="group" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {pair.map((s, i) => <Bar key={s.id} dataKey={title(s)} fill={i === 0 ? "#1565c0" : "#ef6c00"} isAnimationActive={false} />)}
                </BarChart>
              </Box>
            )}
            <Table size="small" aria-label={label}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate(`jj.simulation.dimensions.${dimension}`)}</TableCell>
                  {pair.map((s) => (
                    <TableCell key={`${s.id}-c`} align="right">{`${title(s)}: ${translate("jj.simulation.measures.cases_removed")}`}</TableCell>
                  ))}
                  {pair.map((s) => (
                    <TableCell key={`${s.id}-d`} align="right">{`${title(s)}: ${translate("jj.simulation.measures.child_days_avoided")}`}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {groups.map((group) => (
                  <TableRow key={group}>
                    <TableCell>{translate(`jj.simulation.groups.${group}`, { _: group })}</TableCell>
                    {results.map((r, i) => <TableCell key={`${i}-c`} align="right">{cell(r, group, "cases_removed")}</TableCell>)}
                    {results.map((r, i) => <TableCell key={`${i}-d`} align="right">{cell(r, group, "child_days_avoided")}</TableCell>)}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        );
      })}
    </Box>
  );
}
