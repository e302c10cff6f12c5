/** Everything the system holds about the child, as PDF, for the child or their counsel (subject access). Only a
 * supervisor of the child's agency may produce it; the server checks that and records the production with the
 * purpose the supervisor states first, which the file's watermark prints. */
import FolderSharedIcon from "@mui/icons-material/FolderShared";
import { Button } from "@mui/material";
import { useState } from "react";
import { useLocaleState, usePermissions, useRecordContext, useTranslate } from "react-admin";

import { API } from "../http";
import { PurposeDialog } from "../layout/ServerExportButtons";

export function subjectAccessUrl(childId: number | string, locale: string, purpose?: string): string {
  const lang = ["en", "fr", "es"].includes(locale) ? locale : "en";
  const query = new URLSearchParams({ lang });
  if (purpose !== undefined) query.set("purpose", purpose);
  return `${API}/children/${encodeURIComponent(String(childId))}/subject-access/?${query}`;
}

export function SubjectAccessButton() {
  const record = useRecordContext<{ id: number }>();
  const { permissions: role } = usePermissions<string>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const [asking, setAsking] = useState(false);
  if (!record || role !== "supervisor") return null;
  return (
    <>
      <Button onClick={() => setAsking(true)} startIcon={<FolderSharedIcon />} variant="outlined" size="small">
        {translate("jj.reports.subject_access")}
      </Button>
      <PurposeDialog open={asking} onClose={() => setAsking(false)}
        href={(purpose) => subjectAccessUrl(record.id, locale, purpose)} />
    </>
  );
}
