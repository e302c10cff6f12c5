/** A list's rows: a Datagrid on a wide screen, a SimpleList (one line per record, no sideways scrolling) on a phone.
 * The columns stay the Datagrid's children; the phone shows the given primary, secondary and tertiary texts (a
 * field name, or an element such as a SelectField that translates a choice). */
import { useMediaQuery, type Theme } from "@mui/material";
import type { ReactElement, ReactNode } from "react";
import { Datagrid, SimpleList, TextField, type RaRecord, type RowClickFunction } from "react-admin";

const SMALL_SCREEN = 600; // MUI's "sm" breakpoint

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
  // noSsr: a single-page app knows the screen at the first render (no table drawn, then replaced).
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"), { noSsr: true });
  // The media query was seen answering "wide" at a list's first render on a 390 px browser (about one load in
  // three); the window's own width decides then, and the query keeps following later resizes.
  const small = narrow || window.innerWidth < SMALL_SCREEN;
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

/** A sub-table on a record's page: on a narrow screen it scrolls inside its own box, never the whole page. */
export const SUB_TABLE_SX = { display: "block", maxWidth: "100%", minWidth: 0, overflowX: "auto" } as const;
