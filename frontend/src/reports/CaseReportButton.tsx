/** The court report and case summary as PDF, in the language the UI shows (en, fr, es), opened in a new tab. The
 * server includes only what the reader's role may see and records the read. */
import PictureAsPdfIcon from "@mui/icons-material/PictureAsPdf";
import { Button } from "@mui/material";
import { useLocaleState, useRecordContext, useTranslate } from "react-admin";

import { API } from "../http";

export function reportUrl(caseId: number | string, locale: string): string {
  const lang = ["en", "fr", "es"].includes(locale) ? locale : "en";
  return `${API}/cases/${encodeURIComponent(String(caseId))}/report/?lang=${lang}`;
}

export function CaseReportButton() {
  const record = useRecordContext<{ id: number }>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Button
      component="a"
      href={reportUrl(record.id, locale)}
      target="_blank"
      rel="noopener"
      startIcon={<PictureAsPdfIcon />}
      variant="outlined"
      size="small"
    >
      {translate("jj.reports.court_report")}
    </Button>
  );
}
