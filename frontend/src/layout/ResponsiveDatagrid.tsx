/** A list's rows: a Datagrid on a wide screen, a SimpleList (one card-like line per record, no sideways scrolling)
 * on a phone. The columns stay the Datagrid's children; the phone shows the named fields. */
import { useMediaQuery, type Theme } from "@mui/material";
import type { ReactNode } from "react";
import { Datagrid, SimpleList, type RaRecord, type RowClickFunction } from "react-admin";

type RowClick = "show" | "edit" | false | RowClickFunction;

function text(record: RaRecord | undefined, field: string | undefined): string {
  if (!record || !field) return "";
  const value = record[field];
  return value === null || value === undefined ? "" : String(value);
}

export function ResponsiveDatagrid({
  children,
  rowClick = "show",
  primary,
  secondary,
  tertiary,
}: {
  children: ReactNode;
  rowClick?: RowClick;
  primary: string;
  secondary?: string;
  tertiary?: string;
}) {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"));
  if (small) {
    return (
      <SimpleList
        primaryText={(record) => text(record, primary)}
        secondaryText={secondary ? (record) => text(record, secondary) : undefined}
        tertiaryText={tertiary ? (record) => text(record, tertiary) : undefined}
        rowClick={rowClick}
      />
    );
  }
  return (
    <Datagrid rowClick={rowClick} bulkActionButtons={false}>
      {children}
    </Datagrid>
  );
}
