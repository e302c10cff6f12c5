/** Keeps `<html lang dir>` and the MUI theme's direction on the chosen locale (Arabic reads right to left). */
import { ThemeProvider, useTheme } from "@mui/material/styles";
import { useEffect, useMemo, type ReactNode } from "react";
import { useLocaleState } from "react-admin";

import { applyDocumentLocale, directionOf } from "../i18n/direction";

export function LocaleDirection({ children }: { children: ReactNode }) {
  const [locale] = useLocaleState();
  const direction = directionOf(locale);
  useEffect(() => applyDocumentLocale(locale), [locale]);
  const outer = useTheme();
  const theme = useMemo(() => (outer.direction === direction ? outer : { ...outer, direction }), [outer, direction]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
}
