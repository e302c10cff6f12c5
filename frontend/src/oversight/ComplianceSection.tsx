/** How well the jurisdiction keeps its own rules: deadlines met on time (the 24-hour appearance first), detention
 * orders naming alternatives, refusals per agency and per rule, justifications per agency. */
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useTranslate } from "react-admin";

import type { Compliance } from "./api";
import { display } from "./api";
import { DeadlineChart } from "./charts";

export function ComplianceSection({ compliance, printable = false }: { compliance: Compliance; printable?: boolean }) {
  const translate = useTranslate();
  const t = translate;
  const orders = compliance.detention_orders;
  const counsel = compliance.time_to_counsel;
  return (
    <Box component="section" aria-label={t("jj.oversight.compliance")}>
      <Typography variant="h6" component="h2">
        {t("jj.oversight.compliance")}
      </Typography>
      <Table size="small" aria-label={t("jj.oversight.deadlines")}>
        <TableHead>
          <TableRow>
            <TableCell>{t("jj.oversight.deadline")}</TableCell>
            <TableCell align="right">{t("jj.oversight.rate")}</TableCell>
            <TableCell align="right">{t("jj.oversight.due")}</TableCell>
            <TableCell align="right">{t("jj.oversight.on_time")}</TableCell>
            <TableCell align="right">{t("jj.oversight.late")}</TableCell>
            <TableCell align="right">{t("jj.oversight.missed")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {compliance.deadlines.map((d) => (
            <TableRow key={d.kind}>
              <TableCell>{t(`jj.oversight.deadline_kinds.${d.kind}`, { _: d.label })}</TableCell>
              <TableCell align="right">{d.rate === null ? display(null, d.suppressed, t) : `${display(d.rate, false, t)} %`}</TableCell>
              <TableCell align="right">{display(d.due, d.due === null, t)}</TableCell>
              <TableCell align="right">{display(d.on_time, d.on_time === null, t)}</TableCell>
              <TableCell align="right">{display(d.late, d.late === null, t)}</TableCell>
              <TableCell align="right">{display(d.missed, d.missed === null, t)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!printable && compliance.deadlines.length > 0 && (
        <DeadlineChart rows={compliance.deadlines} label={t("jj.oversight.deadlines_chart")} />
      )}
      <Typography variant="body2" sx={{ my: 1 }}>
        {t("jj.oversight.orders_with_alternatives")}: {display(orders.rate, orders.suppressed, t)}
        {orders.rate !== null ? " %" : ""} ({display(orders.with_alternatives, orders.suppressed, t)} /{" "}
        {display(orders.orders, orders.orders === null, t)})
      </Typography>
      <Typography variant="body2" sx={{ my: 1 }}>
        {t("jj.oversight.time_to_counsel", {
          hours: display(counsel.median_hours, counsel.median_hours === null && counsel.suppressed, t),
          with_counsel: display(counsel.with_counsel, counsel.suppressed, t),
          arrests: display(counsel.arrests, counsel.arrests === null, t),
        })}
      </Typography>
      <Box sx={{ display: "flex", gap: 4, flexWrap: "wrap" }}>
        <Table size="small" aria-label={t("jj.oversight.refusals_by_agency")} sx={{ width: "auto" }}>
          <TableHead>
            <TableRow>
              <TableCell>{t("jj.oversight.agency_name")}</TableCell>
              <TableCell align="right">{t("jj.oversight.refused")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {compliance.refusals.by_agency.map((r) => (
              <TableRow key={r.agency}>
                <TableCell>{r.agency}</TableCell>
                <TableCell align="right">{r.refused}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Table size="small" aria-label={t("jj.oversight.refusals_by_rule")} sx={{ width: "auto" }}>
          <TableHead>
            <TableRow>
              <TableCell>{t("jj.fields.rule_id")}</TableCell>
              <TableCell align="right">{t("jj.oversight.refused")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {compliance.refusals.by_rule.map((r) => (
              <TableRow key={r.rule_id}>
                <TableCell>{r.rule_id}</TableCell>
                <TableCell align="right">{r.refused}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Table size="small" aria-label={t("jj.oversight.justifications")} sx={{ mt: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t("jj.oversight.agency_name")}</TableCell>
            <TableCell align="right">{t("jj.oversight.decisions")}</TableCell>
            <TableCell align="right">{t("jj.oversight.required_justification")}</TableCell>
            <TableCell align="right">{t("jj.oversight.justified")}</TableCell>
            <TableCell align="right">{t("jj.oversight.approved")}</TableCell>
            <TableCell align="right">{t("jj.decisions.below_standard")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {compliance.justifications.map((j) => (
            <TableRow key={j.agency}>
              <TableCell>{j.agency}</TableCell>
              <TableCell align="right">{j.decisions}</TableCell>
              <TableCell align="right">{j.required_justification}</TableCell>
              <TableCell align="right">{j.justified}</TableCell>
              <TableCell align="right">{j.approved}</TableCell>
              <TableCell align="right">{j.below_standard}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
