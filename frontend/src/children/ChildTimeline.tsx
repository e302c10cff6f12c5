/** Everything that happened to the child, across their cases: each case's timeline, newest first. */
import { Box, List, ListItem, ListItemText, Typography } from "@mui/material";
import { useQueries } from "@tanstack/react-query";
import { useDataProvider, useGetList, useLocaleState, useRecordContext, useTranslate } from "react-admin";

import type { CaseRecord, Schemas } from "../api";
import { formatInZone } from "../time";

type TimelineEvent = Schemas["CaseEvent"] & { case_reference: string };

const EVERY_EVENT = { pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "DESC" }, filter: {} } as const;

export function ChildTimeline() {
  const child = useRecordContext<{ id: number }>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const cases = useGetList<CaseRecord>(
    "cases",
    { filter: { child: child?.id }, pagination: { page: 1, perPage: 50 } },
    { enabled: !!child },
  );
  // One query per case, keyed as react-admin keys the case page's timeline (ReferenceManyField), so they share a cache.
  const events = useQueries({
    queries: (cases.data ?? []).map((c) => {
      const params = { target: "case", id: c.id, ...EVERY_EVENT };
      return {
        queryKey: ["timeline", "getManyReference", params],
        queryFn: () => dataProvider.getManyReference<Schemas["CaseEvent"]>("timeline", params),
        select: (page: { data: Schemas["CaseEvent"][] }): TimelineEvent[] =>
          page.data.map((e) => ({ ...e, case_reference: c.reference })),
      };
    }),
    combine: (results): TimelineEvent[] =>
      results.some((r) => r.isError || !r.data)
        ? []
        : results.flatMap((r) => r.data ?? []).sort((a, b) => b.occurred_at.localeCompare(a.occurred_at)),
  });
  if (cases.isError || events.length === 0) return null;
  return (
    <Box>
      <Typography variant="h6" component="h2">
        {translate("jj.labels.timeline")}
      </Typography>
      <List dense>
        {events.map((e) => (
          <ListItem key={`${e.case_reference}-${e.id}`} disableGutters>
            <ListItemText primary={e.summary} secondary={`${formatInZone(e.occurred_at, locale)} · ${e.case_reference} · ${e.actor_username ?? ""}`} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
