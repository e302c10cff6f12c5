import { defaultTheme } from "react-admin";
import type { RaThemeOptions } from "react-admin";

/** react-admin's default theme with darker secondary text, for WCAG 2.1 AA contrast (4.5:1) on white; a record's
 * page never grows wider than a phone's screen (its card may shrink below its widest sub-table, which scrolls).
 * Margins, paddings and alignments in our own code are logical (marginInlineStart, textAlign "end"...), never left
 * or right, so that the Arabic layout mirrors; docs/i18n.md. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: "#1f4e79" },
    secondary: { main: "#1f4e79" },
    text: { primary: "rgba(0, 0, 0, 0.87)", secondary: "rgba(0, 0, 0, 0.7)" },
    // Filled alerts put white text on these: each is at least 4.5:1 against white.
    info: { main: "#01579b" },
    success: { main: "#1b5e20" },
    warning: { main: "#8a4b00" },
    error: { main: "#b71c1c" },
  },
  components: {
    ...defaultTheme.components,
    RaShow: { styleOverrides: { root: { "& .RaShow-main": { minWidth: 0, maxWidth: "100%" } } } },
    RaEdit: { styleOverrides: { root: { "& .RaEdit-main": { minWidth: 0, maxWidth: "100%" } } } },
    RaCreate: { styleOverrides: { root: { "& .RaCreate-main": { minWidth: 0, maxWidth: "100%" } } } },
    // Table cells align to the logical start and end, so that Arabic (dir="rtl") reads from the right and its
    // numbers line up at the end of the cell, as English ones do (MUI writes physical left and right).
    MuiTableCell: {
      styleOverrides: {
        root: { textAlign: "start" },
        alignLeft: { textAlign: "start" },
        alignRight: { textAlign: "end" },
      },
    },
  },
};
