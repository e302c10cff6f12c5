/** Notifications that reach people: the bell in the app bar (unread count, the latest with links, mark read), the
 * full list, and each person's choice of e-mail (at once, a daily digest, or none). E-mails carry a link and a case
 * reference only; names are read here, behind the application's access checks. */
import NotificationsIcon from "@mui/icons-material/Notifications";
import { Badge, Box, Button, FormControl, IconButton, InputLabel, Menu, MenuItem, Select, Tooltip, Typography } from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Datagrid, List, TextField, useDataProvider, useNotify, useRefresh, useTranslate } from "react-admin";
import { useNavigate } from "react-router-dom";

import type { Schemas } from "../api";
import type { dataProvider as provider } from "../dataProvider";
import { ZonedDateField } from "../layout/ZonedDateField";

export type NotificationRow = Schemas["Notification"];
type Preference = Schemas["NotificationPreference"];

const POLL_MS = 60_000;

/** Every notification query: a write invalidates them all. */
const NOTIFICATIONS = ["jj", "notifications"];

/** Mark one notification read, or all of them, then read the counts and lists again. */
function useMarkRead() {
  const dataProvider = useDataProvider<typeof provider>();
  const client = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (id: number | "all") =>
      dataProvider.post(id === "all" ? "/notifications/read-all/" : `/notifications/${id}/read/`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS }),
    onError: (error: Error) => notify(error.message, { type: "error" }),
  });
}

/** Where a notification leads: its case, or the list of notifications. */
export function notificationLink(row: Pick<NotificationRow, "case">): string {
  return row.case ? `/cases/${row.case}/show` : "/notifications";
}

export function NotificationBell() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<typeof provider>();
  const markRead = useMarkRead();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const count = useQuery({
    queryKey: ["jj", "notifications", "unread-count"],
    queryFn: () => dataProvider.get<Schemas["UnreadCount"]>("/notifications/unread-count/"),
    refetchInterval: POLL_MS,
  });
  const latest = useQuery({
    queryKey: ["jj", "notifications", "latest"],
    queryFn: () => dataProvider.get<{ results: NotificationRow[] }>("/notifications/?unread=true&page_size=10"),
    enabled: anchor !== null,
  });
  const unread = count.data?.unread ?? 0;
  const open = (row: NotificationRow) => {
    setAnchor(null);
    markRead.mutate(row.id, { onSuccess: () => navigate(notificationLink(row)) });
  };
  const label = translate("jj.notifications.bell", { smart_count: unread });
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} data-testid="notification-bell" onClick={(e) => setAnchor(e.currentTarget)}>
          <Badge badgeContent={unread} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {(latest.data?.results ?? []).map((row) => (
          <MenuItem key={row.id} onClick={() => open(row)} sx={{ whiteSpace: "normal", maxWidth: 420 }}>
            <Box>
              <Typography variant="body2">{row.message}</Typography>
              <Typography variant="caption">{row.case_reference ?? ""}</Typography>
            </Box>
          </MenuItem>
        ))}
        {latest.data && latest.data.results.length === 0 && (
          <MenuItem disabled>{translate("jj.notifications.none")}</MenuItem>
        )}
        {unread > 0 && (
          <MenuItem
            onClick={() => {
              markRead.mutate("all");
              setAnchor(null);
            }}
          >
            {translate("jj.notifications.mark_all_read")}
          </MenuItem>
        )}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            navigate("/notifications");
          }}
        >
          {translate("jj.notifications.see_all")}
        </MenuItem>
      </Menu>
    </>
  );
}

function EmailPreference() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<typeof provider>();
  const client = useQueryClient();
  const pref = useQuery({
    queryKey: [...NOTIFICATIONS, "preference"],
    queryFn: () => dataProvider.get<Preference>("/notifications/preference/"),
  });
  const save = useMutation({
    mutationFn: (email_mode: string) => dataProvider.put<Preference>("/notifications/preference/", { email_mode }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [...NOTIFICATIONS, "preference"] });
      notify("jj.notifications.saved", { type: "success" });
    },
    onError: (error: Error) => notify(error.message, { type: "error" }),
  });
  if (!pref.data) return null;
  return (
    <Box sx={{ p: 2, display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
      <FormControl size="small" sx={{ minWidth: 260 }}>
        <InputLabel id="email-mode-label">{translate("jj.notifications.email_mode")}</InputLabel>
        <Select
          labelId="email-mode-label"
          label={translate("jj.notifications.email_mode")}
          value={pref.data.email_mode}
          onChange={(event) => save.mutate(event.target.value)}
        >
          {["immediate", "digest", "off"].map((mode) => (
            <MenuItem key={mode} value={mode}>
              {translate(`jj.notifications.mode.${mode}`)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Typography variant="body2">
        {pref.data.email ? translate("jj.notifications.email_to", { email: pref.data.email }) : translate("jj.notifications.no_email")}
      </Typography>
    </Box>
  );
}

function MarkAllRead() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const markRead = useMarkRead();
  return (
    <Button onClick={() => markRead.mutate("all", { onSuccess: refresh })}>
      {translate("jj.notifications.mark_all_read")}
    </Button>
  );
}

export function NotificationList() {
  return (
    <>
      <EmailPreference />
      <List empty={false} sort={{ field: "created_at", order: "DESC" }} actions={<MarkAllRead />}>
        <Datagrid bulkActionButtons={false} rowClick={(_id, _resource, record) => notificationLink(record as NotificationRow)}>
          <ZonedDateField source="created_at" label="jj.notifications.when" />
          <TextField source="message" label="jj.notifications.message" sortable={false} />
          <TextField source="case_reference" label="jj.fields.reference" sortable={false} emptyText="-" />
          <ZonedDateField source="read_at" label="jj.notifications.read_at" />
        </Datagrid>
      </List>
    </>
  );
}
