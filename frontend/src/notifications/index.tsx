/** Notifications that reach people: the bell in the app bar (unread count, the latest with links, mark read), the
 * full list, and each person's choice of e-mail (at once, a daily digest, or none). E-mails carry a link and a case
 * reference only; names are read here, behind the application's access checks. */
import NotificationsIcon from "@mui/icons-material/Notifications";
import { Badge, Box, Button, FormControl, IconButton, InputLabel, Menu, MenuItem, Select, Tooltip, Typography } from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Datagrid, List, TextField, useNotify, useRefresh, useTranslate } from "react-admin";
import { useNavigate } from "react-router-dom";

import { dataProvider } from "../dataProvider";
import { ZonedDateField } from "../layout/ZonedDateField";

export interface NotificationRow {
  id: number;
  kind: string;
  message: string;
  case: number | null;
  case_reference: string | null;
  created_at: string;
  read_at: string | null;
}

const POLL_MS = 60_000;

/** Where a notification leads: its case, or the list of notifications. */
export function notificationLink(row: Pick<NotificationRow, "case">): string {
  return row.case ? `/cases/${row.case}/show` : "/notifications";
}

export function NotificationBell() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const count = useQuery({
    queryKey: ["jj", "notifications", "unread-count"],
    queryFn: () => dataProvider.get<{ unread: number }>("/notifications/unread-count/"),
    refetchInterval: POLL_MS,
  });
  const latest = useQuery({
    queryKey: ["jj", "notifications", "latest"],
    queryFn: () => dataProvider.get<{ results: NotificationRow[] }>("/notifications/?unread=true&page_size=10"),
    enabled: anchor !== null,
  });
  const unread = count.data?.unread ?? 0;
  const reload = () => client.invalidateQueries({ queryKey: ["jj", "notifications"] });
  const open = async (row: NotificationRow) => {
    setAnchor(null);
    await dataProvider.post(`/notifications/${row.id}/read/`, {});
    await reload();
    navigate(notificationLink(row));
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
          <MenuItem key={row.id} onClick={() => void open(row)} sx={{ whiteSpace: "normal", maxWidth: 420 }}>
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
            onClick={async () => {
              await dataProvider.post("/notifications/read-all/", {});
              setAnchor(null);
              await reload();
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
  const pref = useQuery({
    queryKey: ["jj", "notifications", "preference"],
    queryFn: () => dataProvider.get<{ email_mode: string; email: string }>("/notifications/preference/"),
  });
  const client = useQueryClient();
  if (!pref.data) return null;
  return (
    <Box sx={{ p: 2, display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
      <FormControl size="small" sx={{ minWidth: 260 }}>
        <InputLabel id="email-mode-label">{translate("jj.notifications.email_mode")}</InputLabel>
        <Select
          labelId="email-mode-label"
          label={translate("jj.notifications.email_mode")}
          value={pref.data.email_mode}
          onChange={async (event) => {
            await dataProvider.put("/notifications/preference/", { email_mode: event.target.value });
            await client.invalidateQueries({ queryKey: ["jj", "notifications", "preference"] });
            notify("jj.notifications.saved", { type: "success" });
          }}
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
  const client = useQueryClient();
  return (
    <Button
      onClick={async () => {
        await dataProvider.post("/notifications/read-all/", {});
        await client.invalidateQueries({ queryKey: ["jj", "notifications"] });
        refresh();
      }}
    >
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
