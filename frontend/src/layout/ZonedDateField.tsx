import { Typography } from "@mui/material";
import { useLocaleState, useRecordContext } from "react-admin";

import { formatInZone, jurisdictionZone } from "../time";

/** A timestamp in the jurisdiction's zone; the zone is in the title for anyone who needs it. */
export function ZonedDateField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<Record<string, unknown>>();
  const [locale] = useLocaleState();
  const value = record?.[source];
  if (typeof value !== "string") return null;
  return (
    <Typography variant="body2" component="span" title={jurisdictionZone()}>
      {formatInZone(value, locale)}
    </Typography>
  );
}
