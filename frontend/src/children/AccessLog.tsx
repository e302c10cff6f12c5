/** Who opened this child's file and when (supervisors; REC-1: every read is audited). */
import { Box, List, ListItem, ListItemText, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { useLocaleState, usePermissions, useRecordContext, useTranslate } from "react-admin";

import { dataProvider } from "../dataProvider";
import { formatInZone } from "../time";

interface Access {
  seq: number;
  occurred_at: string;
  actor_username: string;
  actor_role: string;
  action: string;
  outcome: string;
}

export function AccessLog() {
  const child = useRecordContext<{ id: number }>();
  const { permissions: role } = usePermissions<string>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const [rows, setRows] = useState<Access[]>([]);
  useEffect(() => {
    if (!child || role !== "supervisor") return;
    let live = true;
    dataProvider
      .get<{ results: Access[] }>(`/children/${child.id}/access-log/?page_size=50`)
      .then((b) => live && setRows(b.results))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, [child, role]);
  if (role !== "supervisor") return null;
  return (
    <Box>
      <Typography variant="h6" component="h2">{translate("jj.labels.access_log")}</Typography>
      <List dense>
        {rows.map((r) => (
          <ListItem key={r.seq} disableGutters>
            <ListItemText primary={`${r.actor_username} (${r.actor_role}) · ${r.action} · ${r.outcome}`}
              secondary={formatInZone(r.occurred_at, locale)} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
