/** The court report and case summary as PDF, in the language the UI shows (en, fr, es), opened in a new tab once
 * the reader states why it leaves the system. The server includes only what the reader's role may see, and records
 * the read with the purpose, which the report's watermark prints. */
import PictureAsPdfIcon from "@mui/icons-material/PictureAsPdf";
import { Button } from "@mui/material";
import { useState } from "react";
import { useLocaleState, useRecordContext, useTranslate } from "react-admin";

import { API } from "../http";
import { PurposeDialog } from "../layout/ServerExportButtons";

export function reportUrl(caseId: number | string, locale: string, purpose?: string): string {
  const lang = ["en", "fr", "es"].includes(locale) ? locale : "en";
  const query = new URLSearchParams({ lang });
  if (purpose !== undefined) query.set("purpose", purpose);
  return `${API}/cases/${encodeURIComponent(String(caseId))}/report/?${query}`;
}

export function CaseReportButton() {
  const record = useRecordContext<{ id: number }>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const [asking, setAsking] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button onClick={() => setAsking(true)} startIcon={<PictureAsPdfIcon />} variant="outlined" size="small">
        {translate("jj.reports.court_report")}
      </Button>
      <PurposeDialog open={asking} onClose={() => setAsking(false)} newTab
        href={(purpose) => reportUrl(record.id, locale, purpose)} />
    </>
  );
}
