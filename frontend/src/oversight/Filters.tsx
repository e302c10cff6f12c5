/** Period, census date, jurisdiction and disaggregation, kept in the page's address so a view can be shared. */
import { Box, MenuItem, TextField } from "@mui/material";
import { useTranslate } from "react-admin";

import type { Filters } from "./api";
import { DIMENSIONS } from "./api";
import { useOversight } from "./useOversight";

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const translate = useTranslate();
  const jurisdictions = useOversight<{ code: string; name: string }[]>("/oversight/jurisdictions/");
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    onChange({ ...filters, [key]: event.target.value || undefined });
  return (
    <Box component="form" aria-label={translate("jj.oversight.filters")} sx={{ display: "flex", gap: 2, flexWrap: "wrap", mb: 2 }}>
      <TextField
        select
        size="small"
        label={translate("jj.oversight.jurisdiction")}
        value={filters.jurisdiction ?? jurisdictions.data?.[0]?.code ?? ""}
        onChange={set("jurisdiction")}
        sx={{ minWidth: 180 }}
      >
        {(jurisdictions.data ?? []).map((j) => (
          <MenuItem key={j.code} value={j.code}>
            {j.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        size="small"
        label={translate("jj.oversight.period_start")}
        value={filters.period_start}
        onChange={set("period_start")}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        size="small"
        label={translate("jj.oversight.period_end")}
        value={filters.period_end}
        onChange={set("period_end")}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        size="small"
        label={translate("jj.oversight.census_date")}
        value={filters.census_date ?? ""}
        onChange={set("census_date")}
        helperText={translate("jj.oversight.census_default")}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        select
        size="small"
        label={translate("jj.oversight.by")}
        value={filters.by ?? ""}
        onChange={set("by")}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">{translate("jj.oversight.by_none")}</MenuItem>
        {DIMENSIONS.map((d) => (
          <MenuItem key={d} value={d}>
            {translate(`jj.oversight.dimensions.${d}`)}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
