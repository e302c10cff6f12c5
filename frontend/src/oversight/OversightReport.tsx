/** A printable report: the indicators with definitions, conventions and groups, and the compliance tables. The
 * browser's print (or save as PDF) does the rest; the navigation is hidden in print. */
import PrintIcon from "@mui/icons-material/Print";
import { Box, Button, GlobalStyles, LinearProgress, Typography } from "@mui/material";
import { Title, useTranslate } from "react-admin";
import { useSearchParams } from "react-router-dom";

import type { Compliance, IndicatorReport } from "./api";
import { filtersFrom, queryOf } from "./api";
import { ComplianceSection } from "./ComplianceSection";
import { GroupTable, IndicatorTable, indicatorName } from "./IndicatorTable";
import { useOversight } from "./useOversight";

export function OversightReport() {
  const translate = useTranslate();
  const [search] = useSearchParams();
  const filters = filtersFrom(search);
  const report = useOversight<IndicatorReport>(`/oversight/indicators/?${queryOf(filters)}`);
  const compliance = useOversight<Compliance>(`/oversight/compliance/?${queryOf({ ...filters, by: undefined })}`);
  const data = report.data;
  return (
    <Box sx={{ mt: 1, maxWidth: 1100 }}>
      <GlobalStyles
        styles={{
          "@media print": {
            ".RaAppBar-root, .RaSidebar-root, .MuiDrawer-root, .no-print": { display: "none !important" },
            ".RaLayout-content": { padding: 0 },
          },
        }}
      />
      <Title title="jj.oversight.report" />
      <Button className="no-print" variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} sx={{ mb: 2 }}>
        {translate("jj.oversight.print")}
      </Button>
      {!data && <LinearProgress aria-label={translate("jj.oversight.loading")} />}
      {data && (
        <>
          <Typography variant="h5" component="h1">
            {translate("jj.oversight.report_title", { jurisdiction: data.jurisdiction.name })}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate("jj.oversight.summary", {
              jurisdiction: data.jurisdiction.name,
              start: data.period_start,
              end: data.period_end,
              census: data.census_date,
              threshold: data.threshold,
            })}
          </Typography>
          <IndicatorTable results={data.results} printable />
          {data.results
            .filter((r) => r.groups && r.groups.length > 0)
            .map((r) => (
              <Box key={r.number} sx={{ mt: 2, breakInside: "avoid" }}>
                <Typography variant="subtitle1" component="h2">
                  {translate("jj.oversight.groups_of", { name: `${r.number}. ${indicatorName(r, translate)}` })}
                </Typography>
                <GroupTable indicator={r} />
              </Box>
            ))}
        </>
      )}
      {compliance.data && (
        <Box sx={{ mt: 3 }}>
          <ComplianceSection compliance={compliance.data} printable />
        </Box>
      )}
    </Box>
  );
}
