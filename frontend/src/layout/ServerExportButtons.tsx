/** Export a list as CSV or XLSX on the server, with the filters, search and ordering the list shows now: the
 * server writes only the fields the role's list shows, defuses formulas and audits the export. */
import DownloadIcon from "@mui/icons-material/Download";
import { Box, Button } from "@mui/material";
import { ListActions, useListContext, useTranslate } from "react-admin";

import { listQuery, pathOf } from "../dataProvider";
import { API } from "../http";

export function exportUrl(
  resource: string,
  fileFormat: "csv" | "xlsx",
  filter: Record<string, unknown>,
  sort?: { field: string; order: "ASC" | "DESC" },
): string {
  const query = listQuery({ filter, sort });
  query.delete("page");
  query.delete("page_size");
  query.set("file_format", fileFormat);
  return `${API}${pathOf(resource)}export/?${query}`;
}

export function ServerExportButtons() {
  const { resource, filterValues, sort } = useListContext();
  const translate = useTranslate();
  return (
    <>
      {(["csv", "xlsx"] as const).map((fileFormat) => (
        <Button key={fileFormat} size="small" startIcon={<DownloadIcon />} component="a" download
          href={exportUrl(resource, fileFormat, filterValues as Record<string, unknown>, sort)}>
          {translate(`jj.export.${fileFormat}`)}
        </Button>
      ))}
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
