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
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router-dom";
import { Title, useDataProvider, useGetList, useGetManyReference, useGetOne, useNotify, useTranslate } from "react-admin";

import type { dataProvider as provider } from "../dataProvider";
import { API } from "../http";
import { messageLines, OUTCOMES, outcomeCount, running, type ImportJob, type ImportRow } from "./api";

const POLL_MS = 1000;

function UploadForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<typeof provider>();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [error, setError] = useState("");
  const start = useMutation({
    mutationFn: (form: FormData) => dataProvider.upload<ImportJob>("/imports/", form),
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ["imports"] });
      onStarted(job);
    },
    onError: (failure) => {
      const message = failure instanceof Error ? failure.message : "ra.notification.http_error";
      setError(translate(message, { _: message }));
      notify(message, { type: "error" });
    },
  });
  const busy = start.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || busy) return;
    setError("");
    const form = new FormData();
    form.append("file", file);
    form.append("dry_run", dryRun ? "true" : "false");
    start.mutate(form);
  }

  return (
    <Box component="form" onSubmit={submit} sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
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
  // Shown once the job has stopped, so its rows are final: keyed by the job alone.
  const rows = useGetManyReference<ImportRow>("import-rows", {
    target: "import",
    id: job.id,
    pagination: { page: 1, perPage: 500 },
    sort: { field: "row", order: "ASC" },
  });
  const results = rows.data ?? [];
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
  const queryClient = useQueryClient();
  const job = useGetOne<ImportJob>(
    "imports",
    { id: jobId ?? undefined },
    {
      refetchInterval: (query) => (running(query.state.data) ? POLL_MS : false),
      // Once the followed job has stopped, the list of jobs shows its final counts.
      onSuccess: (followed) => {
        if (!running(followed)) void queryClient.invalidateQueries({ queryKey: ["imports", "getList"] });
      },
    },
  );
  const past = useGetList<ImportJob>("imports", { pagination: { page: 1, perPage: 10 }, sort: { field: "id", order: "DESC" } });
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
        {(past.data?.length ?? 0) > 0 && (
          <Box component="section" sx={{ mt: 3 }}>
            <Typography variant="h6" component="h2">{translate("jj.imports.earlier")}</Typography>
            <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
              {past.data?.map((earlier) => (
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
