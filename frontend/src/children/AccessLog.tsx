/** Who opened this child's file and when (supervisors; REC-1: every read is audited). */
import { Box, List, ListItem, ListItemText, Typography } from "@mui/material";
import { useGetManyReference, useLocaleState, usePermissions, useRecordContext, useTranslate } from "react-admin";

import type { Schemas } from "../api";
import { formatInZone } from "../time";

/** The data provider names each entry by its audit sequence number. */
type Access = Schemas["AccessLogEntry"] & { id: number };

export function AccessLog() {
  const child = useRecordContext<{ id: number }>();
  const { permissions: role } = usePermissions<string>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const supervisor = role === "supervisor";
  const { data } = useGetManyReference<Access>(
    "access-log",
    { target: "child", id: child?.id, pagination: { page: 1, perPage: 50 }, sort: { field: "seq", order: "DESC" } },
    { enabled: !!child && supervisor },
  );
  if (!supervisor) return null;
  const rows = data ?? [];
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
