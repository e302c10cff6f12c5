/** Importing the children and cases an agency keeps in a spreadsheet: upload a CSV or XLSX file (a dry run by
 * default), follow its progress, then read what happened to each row. The rules are the server's: a refused row
 * shows the decisions and citations the API returns. */
import DownloadIcon from "@mui/icons-material/Download";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  LinearProgress,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router-dom";
import { Title, useNotify, useTranslate } from "react-admin";

import { API, apiFetch, ensureCsrf, readerHeaders, toHttpError } from "../http";
import { messageLines, OUTCOMES, outcomeCount, running, type ImportJob, type ImportRow } from "./api";

const POLL_MS = 1000;

function UploadForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError("");
    try {
      const form = new FormData();
      form.append("file", file);
      form.append("dry_run", dryRun ? "true" : "false");
      const headers = readerHeaders(new Headers({ Accept: "application/json", "X-CSRFToken": await ensureCsrf() }));
      const response = await fetch(`${API}/imports/`, { method: "POST", body: form, credentials: "same-origin", headers });
      const text = await response.text();
      const body: unknown = text ? JSON.parse(text) : {};
      if (!response.ok) throw toHttpError(response.status, body);
      onStarted(body as ImportJob);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : "ra.notification.http_error";
      setError(translate(message, { _: message }));
      notify(message, { type: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box component="form" onSubmit={(e: FormEvent) => void submit(e)} sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
      <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
        {file ? file.name : translate("jj.imports.choose_file")}
        <input hidden type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={translate("jj.imports.choose_file")} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Button>
      <FormControlLabel
        control={<Switch checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />}
        label={translate("jj.imports.dry_run")}
      />
      <Button type="submit" variant="contained" disabled={!file || busy}>
        {translate(dryRun ? "jj.imports.try" : "jj.imports.import")}
      </Button>
      <Button href={`${API}/imports/template/?file_format=csv`} startIcon={<DownloadIcon />}>
        {translate("jj.imports.template_csv")}
      </Button>
      <Button href={`${API}/imports/template/?file_format=xlsx`} startIcon={<DownloadIcon />}>
        {translate("jj.imports.template_xlsx")}
      </Button>
      <Box role="status" aria-live="polite" sx={{ width: "100%" }}>
        {error && <Alert severity="error">{error}</Alert>}
      </Box>
    </Box>
  );
}

function Progress({ job }: { job: ImportJob }) {
  const translate = useTranslate();
  const ids = useId();
  return (
    <Box sx={{ my: 2 }}>
      <Typography id={`${ids}-label`} variant="body2">
        {translate(job.dry_run ? "jj.imports.progress_dry_run" : "jj.imports.progress", { done: job.done, total: job.total })}
        {" · "}
        {translate(`jj.imports.status.${job.status}`)}
      </Typography>
      <LinearProgress variant="determinate" value={job.progress} aria-labelledby={`${ids}-label`} sx={{ my: 1, height: 8 }} />
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        {OUTCOMES.map((outcome) => (
          <Chip key={outcome} size="small" label={`${translate(`jj.imports.outcome.${outcome}`)}: ${outcomeCount(job, outcome)}`} />
        ))}
      </Box>
      {job.error && <Alert severity="error" sx={{ mt: 1 }}>{job.error}</Alert>}
      {job.dry_run && job.status === "done" && (
        <Alert severity="info" sx={{ mt: 1 }}>{translate("jj.imports.dry_run_done")}</Alert>
      )}
    </Box>
  );
}

function Report({ job }: { job: ImportJob }) {
  const translate = useTranslate();
  const ids = useId();
  const rows = useQuery({
    queryKey: ["import-rows", job.id, job.done],
    queryFn: () => apiFetch<{ results: ImportRow[] }>(`/imports/${job.id}/rows/?page_size=500&ordering=row`),
  });
  const results = rows.data?.results ?? [];
  return (
    <Box component="section" aria-labelledby={`${ids}-title`}>
      <Typography variant="h6" component="h2" id={`${ids}-title`}>{translate("jj.imports.report")}</Typography>
      <Table size="small" aria-labelledby={`${ids}-title`}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("jj.imports.row")}</TableCell>
            <TableCell>{translate("jj.imports.outcome_column")}</TableCell>
            <TableCell>{translate("jj.imports.messages")}</TableCell>
            <TableCell>{translate("jj.imports.decisions")}</TableCell>
            <TableCell>{translate("jj.imports.record")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {results.map((row) => (
            <TableRow key={row.id} data-outcome={row.outcome}>
              <TableCell>{row.row}</TableCell>
              <TableCell>{translate(`jj.imports.outcome.${row.outcome}`)}</TableCell>
              <TableCell>
                {messageLines(row.messages).map((line) => <div key={line}>{line}</div>)}
              </TableCell>
              <TableCell>
                {row.decisions.map((d, i) => (
                  <div key={`${d.rule_id}-${i}`}>
                    <strong>{d.rule_id}</strong> ({translate(`jj.outcome.${d.outcome}`, { _: d.outcome })}): {d.message}{" "}
                    <em>{d.citation.instrument}, {d.citation.provision}</em>
                  </div>
                ))}
              </TableCell>
              <TableCell>
                {row.child !== null && (
                  <Link to={`/children/${row.child}/show`}>{translate("jj.imports.open_child")}</Link>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function ImportPage() {
  const translate = useTranslate();
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useQuery({
    queryKey: ["import", jobId],
    queryFn: () => apiFetch<ImportJob>(`/imports/${jobId}/`),
    enabled: jobId !== null,
    refetchInterval: (query) => (running(query.state.data as ImportJob | undefined) ? POLL_MS : false),
  });
  const past = useQuery({
    queryKey: ["imports", jobId, job.data?.status],
    queryFn: () => apiFetch<{ results: ImportJob[] }>("/imports/?page_size=10"),
  });
  const current = job.data;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="jj.imports.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>{translate("jj.imports.title")}</Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>{translate("jj.imports.intro")}</Typography>
        <UploadForm onStarted={(started) => setJobId(started.id)} />
        {current && <Progress job={current} />}
        {current && !running(current) && <Report job={current} />}
        {(past.data?.results.length ?? 0) > 0 && (
          <Box component="section" sx={{ mt: 3 }}>
            <Typography variant="h6" component="h2">{translate("jj.imports.earlier")}</Typography>
            <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
              {past.data?.results.map((earlier) => (
                <Button key={earlier.id} size="small" variant={earlier.id === jobId ? "contained" : "outlined"}
                  onClick={() => setJobId(earlier.id)}>
                  {`#${earlier.id} · ${translate(earlier.dry_run ? "jj.imports.dry_run" : "jj.imports.import")} · ${earlier.done}/${earlier.total}`}
                </Button>
              ))}
            </Box>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
