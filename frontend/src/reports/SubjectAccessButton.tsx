/** Everything the system holds about the child, as PDF, for the child or their counsel (subject access). Only a
 * supervisor of the child's agency may produce it; the server checks that and records the production. */
import FolderSharedIcon from "@mui/icons-material/FolderShared";
import { Button } from "@mui/material";
import { useLocaleState, usePermissions, useRecordContext, useTranslate } from "react-admin";

import { API } from "../http";

export function subjectAccessUrl(childId: number | string, locale: string): string {
  const lang = ["en", "fr", "es"].includes(locale) ? locale : "en";
  return `${API}/children/${encodeURIComponent(String(childId))}/subject-access/?lang=${lang}`;
}

export function SubjectAccessButton() {
  const record = useRecordContext<{ id: number }>();
  const { permissions: role } = usePermissions<string>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!record || role !== "supervisor") return null;
  return (
    <Button component="a" href={subjectAccessUrl(record.id, locale)} startIcon={<FolderSharedIcon />}
      variant="outlined" size="small">
      {translate("jj.reports.subject_access")}
    </Button>
  );
}
