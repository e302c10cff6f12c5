/** The relative rate index: how much more (above 1) or less likely each group is than the reference group to reach
 * each decision point. */
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useTranslate } from "react-admin";

import type { Disparity } from "./api";
import { display } from "./api";

export function DisparitySection({ disparity }: { disparity: Disparity }) {
  const t = useTranslate();
  const groups = disparity.points[0]?.groups.map((g) => g.group) ?? [];
  return (
    <Box component="section" aria-label={t("jj.oversight.disparity")}>
      <Typography variant="h6" component="h2">
        {t("jj.oversight.disparity")}
      </Typography>
      <Typography variant="body2">
        {t("jj.oversight.disparity_reference", {
          reference: t(`jj.oversight.group_names.${disparity.reference ?? ""}`, { _: disparity.reference ?? "—" }),
        })}
      </Typography>
      <Table size="small" aria-label={t("jj.oversight.disparity")}>
        <TableHead>
          <TableRow>
            <TableCell>{t("jj.oversight.decision_point")}</TableCell>
            {groups.map((g) => (
              <TableCell key={g} align="right">
                {t(`jj.oversight.group_names.${g}`, { _: g })}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {disparity.points.map((p) => (
            <TableRow key={p.point}>
              <TableCell>{t(`jj.oversight.points.${p.point}`, { _: p.label })}</TableCell>
              {p.groups.map((g) => (
                <TableCell key={g.group} align="right">
                  {display(g.index, g.suppressed, t)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
