/** The documents attached to a child, a case or a custody episode: list, upload (the server checks the content,
 * not the name), download (audited, as a read of the child's record) and, for supervisors, delete. */
import { Box, Button, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useDataProvider, useDelete, useGetManyReference, useLocaleState, useNotify, useRecordContext, useTranslate } from "react-admin";

import type { Schemas } from "../api";
import { useCan } from "../capabilities";
import type { dataProvider as provider } from "../dataProvider";
import { API } from "../http";
import { formatInZone } from "../time";
import { documentTypeEnumValues } from "../api/schema.generated";

export const DOCUMENT_TYPES = documentTypeEnumValues;

export type DocumentRow = Schemas["DocumentOutput"];

export type DocumentBase = "children" | "cases" | "custody-episodes";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function DocumentsPanel({ base }: { base: DocumentBase }) {
  const record = useRecordContext<{ id: number }>();
  const can = useCan();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const ids = useId();
  const dataProvider = useDataProvider<typeof provider>();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>("court_order");
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const documents = useGetManyReference<DocumentRow>(
    "documents",
    { target: base, id: record?.id, pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "DESC" } },
    { enabled: !!record },
  );
  const rows = documents.isError ? [] : (documents.data ?? []);
  const failed = (error: unknown) =>
    notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["documents"] });

  const attach = useMutation({
    mutationFn: ({ path, form }: { path: string; form: FormData }) => dataProvider.upload<DocumentRow>(path, form),
    onSuccess: async () => {
      notify("jj.documents.uploaded", { type: "success" });
      setFile(null);
      setInputKey((k) => k + 1);
      await reload();
    },
    onError: failed,
  });
  const [deleteOne] = useDelete<DocumentRow>();

  if (!record) return null;
  // What the capability table lets this role do with documents (the server checks the record as well).
  const canUpload = can("document.attach");
  const canDelete = can("document.delete");
  const busy = attach.isPending;

  function upload(event: FormEvent) {
    event.preventDefault();
    if (!file || busy || !record) return;
    const form = new FormData();
    form.append("file", file);
    form.append("document_type", kind);
    attach.mutate({ path: `/${base}/${record.id}/documents/`, form });
  }

  function remove(row: DocumentRow) {
    void deleteOne(
      "documents",
      { id: row.id, previousData: row },
      {
        // useDelete refetches the documents lists itself once the delete settles.
        onSuccess: () => notify("jj.documents.deleted", { type: "success" }),
        onError: failed,
      },
    );
  }

  return (
    <Box component="section" aria-labelledby={`${ids}-title`} sx={{ my: 2 }}>
      <Typography variant="h6" component="h2" id={`${ids}-title`}>{translate("jj.documents.title")}</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate("jj.documents.none")}</Typography>
      ) : (
        <Table size="small" aria-labelledby={`${ids}-title`}>
          <TableHead>
            <TableRow>
              <TableCell>{translate("jj.documents.name")}</TableCell>
              <TableCell>{translate("jj.documents.type")}</TableCell>
              <TableCell>{translate("jj.documents.size")}</TableCell>
              <TableCell>{translate("jj.documents.uploaded_by")}</TableCell>
              <TableCell>{translate("jj.documents.uploaded_at")}</TableCell>
              {canDelete && <TableCell>{translate("jj.documents.actions")}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <a href={`${API}/documents/${row.id}/download/`} download>{row.original_name}</a>
                </TableCell>
                <TableCell>{translate(`jj.documents.types.${row.document_type}`)}</TableCell>
                <TableCell>{formatSize(row.size)}</TableCell>
                <TableCell>{row.uploaded_by ?? "-"}</TableCell>
                <TableCell>{formatInZone(row.created_at, locale)}</TableCell>
                {canDelete && (
                  <TableCell>
                    <Button size="small" color="error" data-action="document.delete" onClick={() => remove(row)}
                      aria-label={`${translate("jj.documents.delete")} ${row.original_name}`}>
                      {translate("jj.documents.delete")}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canUpload && (
        <Box component="form" data-action="document.attach" onSubmit={upload} sx={{ display: "flex", gap: 2, alignItems: "center", mt: 1, flexWrap: "wrap" }}>
          <TextField select size="small" id={`${ids}-type`} label={translate("jj.documents.type")} value={kind}
            onChange={(e) => setKind(e.target.value)} sx={{ minWidth: 200 }}>
            {DOCUMENT_TYPES.map((t) => (
              <MenuItem key={t} value={t}>{translate(`jj.documents.types.${t}`)}</MenuItem>
            ))}
          </TextField>
          <label htmlFor={`${ids}-file`}>{translate("jj.documents.file")}</label>
          <input key={inputKey} id={`${ids}-file`} type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.odt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <Button type="submit" variant="contained" size="small" disabled={!file || busy}>
            {translate("jj.documents.upload")}
          </Button>
        </Box>
      )}
    </Box>
  );
}
