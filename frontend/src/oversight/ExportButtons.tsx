/** Exports run in the background: the indicator table (XLSX or CSV) and, for oversight monitors, the pseudonymised
 * dataset (one row per case, CSV). A click asks the API for one, the job's progress is shown until the file is
 * ready, then a download link (the API audits the request, the export and each download). */
import DownloadIcon from "@mui/icons-material/Download";
import { Alert, Box, Button, LinearProgress } from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDataProvider, useTranslate } from "react-admin";

import { useCan } from "../capabilities";
import type { dataProvider as provider } from "../dataProvider";
import type { ExportJob, Filters } from "./api";
import { exportBody, exportRunning } from "./api";
import { PurposeDialog } from "../layout/ServerExportButtons";

export const POLL_MS = 1000;

export function ExportButtons({ filters, pollMs = POLL_MS }: { filters: Filters; pollMs?: number }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<typeof provider>();
  const can = useCan();
  const ask = useMutation({
    mutationFn: ({ file, kind, purpose }: { file: "csv" | "xlsx"; kind: "indicators" | "dataset"; purpose: string }) =>
      dataProvider.post<ExportJob>("/oversight/exports/", { ...exportBody(filters, file), kind, purpose }),
  });
  // The export the user clicked, asked once they state why the figures leave the system.
  const [choice, setChoice] = useState<{ file: "csv" | "xlsx"; kind: "indicators" | "dataset" } | null>(null);
  const asked = ask.data;
  const followed = useQuery({
    queryKey: ["oversight-export", asked?.id],
    queryFn: () => dataProvider.get<ExportJob>(`/oversight/exports/${asked?.id}/`),
    enabled: asked !== undefined && exportRunning(asked),
    refetchInterval: (query) => (query.state.data && !exportRunning(query.state.data) ? false : pollMs),
    retry: false,
  });
  const job = asked && exportRunning(asked) ? (followed.data ?? asked) : asked;
  return (
    <Box>
      <Box sx={{ display: "flex", gap: 1 }}>
        {(["xlsx", "csv"] as const).map((file) => (
          <Button
            key={file}
            variant="outlined"
            startIcon={<DownloadIcon />}
            onClick={() => setChoice({ file, kind: "indicators" })}
            disabled={ask.isPending || (job !== undefined && exportRunning(job))}
          >
            {translate(`jj.oversight.export_${file}`)}
          </Button>
        ))}
        {can("statistics.dataset") && (
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            onClick={() => setChoice({ file: "csv", kind: "dataset" })}
            disabled={ask.isPending || (job !== undefined && exportRunning(job))}
          >
            {translate("jj.oversight.export_dataset")}
          </Button>
        )}
      </Box>
      <PurposeDialog open={choice !== null} onClose={() => setChoice(null)}
        onConfirm={(purpose) => choice && ask.mutate({ ...choice, purpose })} />
      <Box role="status" aria-live="polite" sx={{ mt: 1, maxWidth: 420 }}>
        {ask.isError && <Alert severity="error">{translate("jj.oversight.export_failed")}</Alert>}
        {job && exportRunning(job) && (
          <>
            {translate("jj.oversight.export_running", { progress: job.progress })}
            <LinearProgress variant="determinate" value={job.progress} aria-label={translate("jj.oversight.export_progress")} />
          </>
        )}
        {job?.status === "done" && job.download_url && (
          <Alert severity="success">
            {translate("jj.oversight.export_ready")}{" "}
            <a href={job.download_url} download={job.filename}>
              {translate("jj.oversight.export_download", { name: job.filename })}
            </a>
          </Alert>
        )}
        {job?.status === "failed" && <Alert severity="error">{job.error || translate("jj.oversight.export_failed")}</Alert>}
        {job?.status === "expired" && <Alert severity="warning">{translate("jj.oversight.export_expired")}</Alert>}
      </Box>
    </Box>
  );
}
