/** A list's rows: a Datagrid on a wide screen, a SimpleList (one line per record, no sideways scrolling) on a phone.
 * The columns stay the Datagrid's children; the phone shows the given primary, secondary and tertiary texts (a
 * field name, or an element such as a SelectField that translates a choice). */
import { useMediaQuery, type Theme } from "@mui/material";
import type { ReactElement, ReactNode } from "react";
import { Datagrid, SimpleList, TextField, type RaRecord, type RowClickFunction } from "react-admin";

type RowClick = "show" | "edit" | false | RowClickFunction;
type Text = string | ReactElement;

function asElement(text: Text | undefined): ReactElement | undefined {
  if (text === undefined) return undefined;
  return typeof text === "string" ? <TextField source={text} /> : text;
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
  primary: Text;
  secondary?: Text;
  tertiary?: Text;
}) {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"));
  if (small) {
    return (
      <SimpleList<RaRecord>
        primaryText={asElement(primary)}
        secondaryText={asElement(secondary)}
        tertiaryText={asElement(tertiary)}
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
