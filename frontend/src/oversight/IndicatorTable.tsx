/** The 15 indicators with their definitions and the conventions each was computed under; a row opens its groups. */
import { Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useTranslate } from "react-admin";

import type { Indicator } from "./api";
import { conventionsOf, display } from "./api";

/** The definition in the reader's language (the server's English text when there is no translation). */
export function indicatorDefinition(indicator: Indicator, translate: (key: string, options?: object) => string): string {
  return translate(`jj.indicator_definitions.${indicator.code}`, { _: indicator.definition });
}

export function indicatorName(indicator: Indicator, translate: (key: string, options?: object) => string): string {
  return translate(`jj.indicators.${indicator.code}`, { _: indicator.name });
}

export function IndicatorTable({
  results,
  onDrill,
  printable = false,
}: {
  results: Indicator[];
  onDrill?: (indicator: Indicator) => void;
  printable?: boolean;
}) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate("jj.oversight.indicators")}>
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          <TableCell>{translate("jj.oversight.indicator")}</TableCell>
          <TableCell align="right">{translate("jj.oversight.value")}</TableCell>
          <TableCell>{translate("jj.oversight.unit")}</TableCell>
          <TableCell align="right">{translate("jj.oversight.numerator")}</TableCell>
          <TableCell align="right">{translate("jj.oversight.denominator")}</TableCell>
          <TableCell>{translate("jj.oversight.conventions")}</TableCell>
          {onDrill && !printable && <TableCell>{translate("jj.oversight.groups")}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {results.map((r) => (
          <TableRow key={r.number} data-testid={`indicator-${r.number}`}>
            <TableCell>{r.number}</TableCell>
            <TableCell>
              <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                {indicatorName(r, translate)}
              </Typography>{" "}
              {r.core && <Chip size="small" label={translate("jj.oversight.core")} />}
              <Typography variant="caption" component="p">
                {indicatorDefinition(r, translate)}
              </Typography>
              {r.notes.map((note) => (
                <Typography key={note} variant="caption" component="p" color="text.secondary">
                  {note}
                </Typography>
              ))}
            </TableCell>
            <TableCell align="right">{display(r.value, r.suppressed.value, translate)}</TableCell>
            <TableCell>{r.unit}</TableCell>
            <TableCell align="right">{display(r.numerator, r.suppressed.numerator, translate)}</TableCell>
            <TableCell align="right">{display(r.denominator, r.suppressed.denominator, translate)}</TableCell>
            <TableCell>
              {conventionsOf(r).map((line) => (
                <Typography key={line} variant="caption" component="p">
                  {line}
                </Typography>
              ))}
            </TableCell>
            {onDrill && !printable && (
              <TableCell>
                {r.groups && r.groups.length > 0 && (
                  <Button size="small" onClick={() => onDrill(r)}>
                    {translate("jj.oversight.drill", { number: r.number })}
                  </Button>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function GroupTable({ indicator }: { indicator: Indicator }) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate("jj.oversight.groups_of", { name: indicatorName(indicator, translate) })}>
      <TableHead>
        <TableRow>
          <TableCell>{translate("jj.oversight.group")}</TableCell>
          <TableCell align="right">{translate("jj.oversight.value")}</TableCell>
          <TableCell align="right">{translate("jj.oversight.numerator")}</TableCell>
          <TableCell align="right">{translate("jj.oversight.denominator")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(indicator.groups ?? []).map((g) => (
          <TableRow key={g.group}>
            <TableCell>{translate(`jj.oversight.group_names.${g.group}`, { _: g.group })}</TableCell>
            <TableCell align="right">{display(g.value, g.suppressed.value, translate)}</TableCell>
            <TableCell align="right">{display(g.numerator, g.suppressed.numerator, translate)}</TableCell>
            <TableCell align="right">{display(g.denominator, g.suppressed.denominator, translate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
