/** Everything that happened to the child, across their cases: each case's timeline, newest first. */
import { Box, List, ListItem, ListItemText, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { useLocaleState, useRecordContext, useTranslate } from "react-admin";

import { dataProvider } from "../dataProvider";
import { formatInZone } from "../time";

interface TimelineEvent {
  id: number;
  kind: string;
  occurred_at: string;
  summary: string;
  actor_username: string | null;
  case_reference?: string;
}

export function ChildTimeline() {
  const child = useRecordContext<{ id: number }>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  useEffect(() => {
    if (!child) return;
    let live = true;
    dataProvider
      .get<{ results: { id: number; reference: string }[] }>(`/cases/?child=${child.id}&page_size=50`)
      .then(async (cases) => {
        const all = await Promise.all(
          cases.results.map(async (c) =>
            (await dataProvider.get<TimelineEvent[]>(`/cases/${c.id}/timeline/`)).map((e) => ({ ...e, case_reference: c.reference })),
          ),
        );
        if (live) setEvents(all.flat().sort((a, b) => b.occurred_at.localeCompare(a.occurred_at)));
      })
      .catch(() => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [child]);
  if (events.length === 0) return null;
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
