/** The oversight workspace: the 15 UNODC/UNICEF indicators for a period and a jurisdiction, with definitions and
 * conventions, a drill-down by group, compliance, disparity and occupancy, exports and the audit-chain check. */
import PrintIcon from "@mui/icons-material/Print";
import { Alert, Box, Button, Card, CardContent, LinearProgress, Typography } from "@mui/material";
import { useState } from "react";
import { Title, useTranslate } from "react-admin";
import { Link, useSearchParams } from "react-router-dom";

import type { Compliance, Disparity, Filters, Indicator, IndicatorReport, Occupancy } from "./api";
import { DISPARITY_DIMENSIONS, filtersFrom, queryOf } from "./api";
import { GroupChart, OccupancyChart } from "./charts";
import { ComplianceSection } from "./ComplianceSection";
import { DisparitySection } from "./DisparitySection";
import { ExportButtons } from "./ExportButtons";
import { FilterBar } from "./Filters";
import { GroupTable, IndicatorTable, indicatorName } from "./IndicatorTable";
import { useOversight } from "./useOversight";
import { VerifyAuditButton } from "./VerifyAuditButton";

function Section({ children }: { children: React.ReactNode }) {
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function OversightDashboard() {
  const translate = useTranslate();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const [drill, setDrill] = useState<number | null>(null);
  const setFilters = (next: Filters) => setSearch(new URLSearchParams(queryOf(next)));
  const query = queryOf(filters);
  const report = useOversight<IndicatorReport>(`/oversight/indicators/?${query}`);
  const compliance = useOversight<Compliance>(`/oversight/compliance/?${queryOf({ ...filters, by: undefined })}`);
  const disparityBy = filters.by && DISPARITY_DIMENSIONS.includes(filters.by) ? filters.by : "sex";
  const disparity = useOversight<Disparity>(
    `/oversight/disparity/?${queryOf({ ...filters, by: disparityBy, census_date: undefined })}`,
  );
  const occupancy = useOversight<Occupancy>(`/oversight/occupancy/?${queryOf({ ...filters, by: undefined, census_date: undefined })}`);
  const drilled: Indicator | undefined = report.data?.results.find((r) => r.number === drill && r.groups?.length);

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="jj.oversight.title" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate("jj.oversight.title")}
      </Typography>
      <FilterBar filters={filters} onChange={setFilters} />
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", mb: 2, alignItems: "flex-start" }}>
        <ExportButtons filters={filters} />
        <Button variant="outlined" startIcon={<PrintIcon />} component={Link} to={`/indicators/report?${query}`}>
          {translate("jj.oversight.report")}
        </Button>
        <VerifyAuditButton />
      </Box>
      <Section>
        <Typography variant="h6" component="h2">
          {translate("jj.oversight.indicators")}
        </Typography>
        {report.isPending && <LinearProgress aria-label={translate("jj.oversight.loading")} />}
        {report.isError && <Alert severity="error">{String((report.error as Error)?.message ?? "")}</Alert>}
        {report.data && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate("jj.oversight.summary", {
                jurisdiction: report.data.jurisdiction.name,
                start: report.data.period_start,
                end: report.data.period_end,
                census: report.data.census_date,
                threshold: report.data.threshold,
              })}
            </Typography>
            <IndicatorTable results={report.data.results} onDrill={(r) => setDrill(r.number)} />
          </>
        )}
      </Section>
      {drilled && (
        <Section>
          <Typography variant="h6" component="h2">
            {translate("jj.oversight.groups_of", { name: indicatorName(drilled, translate) })}
          </Typography>
          <GroupChart indicator={drilled} label={indicatorName(drilled, translate)} />
          <GroupTable indicator={drilled} />
        </Section>
      )}
      <Section>{compliance.data ? <ComplianceSection compliance={compliance.data} /> : <LinearProgress aria-label={translate("jj.oversight.loading")} />}</Section>
      <Section>{disparity.data ? <DisparitySection disparity={disparity.data} /> : <LinearProgress aria-label={translate("jj.oversight.loading")} />}</Section>
      <Section>
        <Typography variant="h6" component="h2">
          {translate("jj.oversight.occupancy")}
        </Typography>
        {occupancy.data && <OccupancyChart occupancy={occupancy.data} label={translate("jj.oversight.occupancy")} />}
      </Section>
    </Box>
  );
}
