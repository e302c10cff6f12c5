/** Export a list as CSV or XLSX on the server, with the filters, search and ordering the list shows now: the
 * server writes only the fields the role's list shows, defuses formulas and audits the export. Controlled
 * disclosure: a button only for the formats the role may export (`export.csv`, `export.xlsx` in the capability
 * table), and the purpose asked first (the server refuses an export without one and writes it in the watermark). */
import DownloadIcon from "@mui/icons-material/Download";
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from "@mui/material";
import { useState } from "react";
import { ListActions, useListContext, useTranslate } from "react-admin";

import { useCan } from "../capabilities";
import { listQuery, pathOf } from "../dataProvider";
import { API } from "../http";

export const PURPOSE_MIN = 5;
export const PURPOSE_MAX = 200;

export function exportUrl(
  resource: string,
  fileFormat: "csv" | "xlsx",
  filter: Record<string, unknown>,
  sort?: { field: string; order: "ASC" | "DESC" },
  purpose?: string,
): string {
  const query = listQuery({ filter, sort });
  query.delete("page");
  query.delete("page_size");
  query.set("file_format", fileFormat);
  if (purpose !== undefined) query.set("purpose", purpose);
  return `${API}${pathOf(resource)}export/?${query}`;
}

/** The purpose dialog before any file leaves the system: the download link is enabled once a purpose of
 * PURPOSE_MIN to PURPOSE_MAX characters is stated, and `href` receives it (the server refuses without one). */
export function PurposeDialog({ open, onClose, href, onConfirm, newTab }: {
  open: boolean;
  onClose: () => void;
  href?: (purpose: string) => string;
  /** in place of a link: what to do with the purpose (a background export asked by POST) */
  onConfirm?: (purpose: string) => void;
  newTab?: boolean;
}) {
  const translate = useTranslate();
  const [purpose, setPurpose] = useState("");
  const trimmed = purpose.trim().replace(/\s+/g, " ");
  const valid = trimmed.length >= PURPOSE_MIN && trimmed.length <= PURPOSE_MAX;
  const close = () => {
    setPurpose("");
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{translate("jj.export.purpose_title")}</DialogTitle>
      <DialogContent>
        <TextField fullWidth multiline minRows={2} margin="dense" label={translate("jj.export.purpose")}
          helperText={translate("jj.export.purpose_help", { min: PURPOSE_MIN, max: PURPOSE_MAX })}
          value={purpose} onChange={(event) => setPurpose(event.target.value)}
          slotProps={{ htmlInput: { maxLength: PURPOSE_MAX } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate("ra.action.cancel")}</Button>
        {onConfirm ? (
          <Button variant="contained" disabled={!valid} onClick={() => { onConfirm(trimmed); close(); }}>
            {translate("jj.export.download")}
          </Button>
        ) : (
          <Button variant="contained" disabled={!valid} component="a"
            {...(newTab ? { target: "_blank", rel: "noopener" } : { download: true })}
            href={valid && href ? href(trimmed) : undefined}
            onClick={() => setTimeout(close, 0)}>
            {translate("jj.export.download")}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

export function ServerExportButtons() {
  const { resource, filterValues, sort } = useListContext();
  const translate = useTranslate();
  const can = useCan();
  const [fileFormat, setFileFormat] = useState<"csv" | "xlsx" | null>(null);
  const [purpose, setPurpose] = useState("");
  const trimmed = purpose.trim().replace(/\s+/g, " ");
  const valid = trimmed.length >= PURPOSE_MIN && trimmed.length <= PURPOSE_MAX;
  const close = () => {
    setFileFormat(null);
    setPurpose("");
  };
  return (
    <>
      {(["csv", "xlsx"] as const)
        .filter((format) => can(`export.${format}`))
        .map((format) => (
          <Button key={format} size="small" startIcon={<DownloadIcon />} onClick={() => setFileFormat(format)}>
            {translate(`jj.export.${format}`)}
          </Button>
        ))}
      <Dialog open={fileFormat !== null} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate("jj.export.purpose_title")}</DialogTitle>
        <DialogContent>
          <TextField fullWidth multiline minRows={2} margin="dense" label={translate("jj.export.purpose")}
            helperText={translate("jj.export.purpose_help", { min: PURPOSE_MIN, max: PURPOSE_MAX })}
            value={purpose} onChange={(event) => setPurpose(event.target.value)}
            slotProps={{ htmlInput: { maxLength: PURPOSE_MAX } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" disabled={!valid || fileFormat === null} component="a" download
            href={fileFormat ? exportUrl(resource, fileFormat, filterValues as Record<string, unknown>, sort, trimmed) : undefined}
            onClick={() => setTimeout(close, 0)}>
            {translate("jj.export.download")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** react-admin's list actions (filters, create) with the server's exports in place of the browser-side one; the
 * list itself is given `exporter={false}`. */
export function ExportingListActions() {
  return (
    <Box sx={{ display: "flex", alignItems: "center" }}>
      <ListActions />
      <ServerExportButtons />
    </Box>
  );
}
