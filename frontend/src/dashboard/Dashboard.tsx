/** The worklist: what is overdue and due soon in the caller's scope, children in custody now, facility occupancy.
 * One click from each line to the record. */
import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  Title,
  useDataProvider,
  useGetIdentity,
  useGetList,
  useLocaleState,
  usePermissions,
  useTranslate,
} from "react-admin";
import { Link } from "react-router-dom";

import type { DiversionReferral, Schemas } from "../api";
import type { dataProvider as provider } from "../dataProvider";
import { canAccess } from "../permissions";
import { formatInZone, jurisdictionZone } from "../time";

type DeadlineRow = Schemas["Deadline"];

/** Where a deadline is met: the custody record for custody deadlines, the case otherwise. */
function recordOf(row: DeadlineRow): string {
  if (row.subject_type === "custody_episode" && row.subject_id) return `/custody-episodes/${row.subject_id}/show`;
  if (row.subject_type === "diversion_referral" && row.subject_id) return `/diversion-referrals/${row.subject_id}/show`;
  // ILL-1: an allegation (incident or complaint) is met on its custody record: the case's custody episodes.
  // REC-3: the independent review before removal is decided on its own page (the child is sealed: no case page).
  if (row.subject_type === "records_removal_review") return "/removal-reviews";
  if (row.subject_type === "incident" || row.subject_type === "complaint")
    return `/custody-episodes?filter=${encodeURIComponent(JSON.stringify({ case: row.case }))}`;
  return `/cases/${row.case}/show`;
}

type Worklist = Schemas["Worklist"];

/** A row of /facilities/occupancy/ (the schema leaves its rows untyped). */
interface OccupancyRow {
  facility: number;
  name: string;
  capacity: number;
  held_now: number;
  over_capacity: boolean;
}

/** One band of the worklist: its first lines, most urgent first, with the band's true count and a link to every
 * line of it, so no overdue deadline is ever hidden behind the first page. */
function DeadlineSection({
  title,
  rows,
  total,
  bucket,
  tone,
}: {
  title: string;
  rows: DeadlineRow[];
  total: number;
  bucket: string;
  tone: "error" | "warning" | "info";
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const all = `/deadlines?filter=${encodeURIComponent(JSON.stringify({ bucket }))}`;
  return (
    <Box component="section" sx={{ mb: 2 }} aria-label={title}>
      <Typography variant="h6" component="h2" color={tone === "error" ? "error" : "textPrimary"}>
        {title} ({total})
      </Typography>
      {total > rows.length && (
        <Link to={all} data-testid={`show-all-${bucket}`}>
          {translate("jj.dashboard.show_all", { count: total })}
        </Link>
      )}
      {rows.length === 0 ? (
        <Typography variant="body2">{translate("jj.dashboard.none")}</Typography>
      ) : (
        <List dense disablePadding>
          {rows.map((row) => (
            <ListItem key={row.id} disablePadding>
            <ListItemButton component={Link} to={recordOf(row)} data-testid={`deadline-${row.kind}`}>
              <ListItemText
                primary={`${row.rule_id ? `${row.rule_id} · ` : ""}${row.description}`}
                secondary={`${row.child_display} · ${row.case_reference} · ${translate("jj.dashboard.due", {
                  date: formatInZone(row.due_at, locale),
                })}`}
              />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

export function Dashboard() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<typeof provider>();
  const seesCases = canAccess(role, "cases", "list");
  const signedIn = !!role;
  const byCases = { enabled: signedIn && seesCases, retry: false } as const;

  const occupancyQuery = useQuery({
    queryKey: ["facilities", "occupancy", { days: 1 }],
    queryFn: () => dataProvider.get<{ results: OccupancyRow[] }>("/facilities/occupancy/?days=1"),
    enabled: signedIn,
    retry: false,
  });
  const worklistQuery = useQuery({
    queryKey: ["worklist"],
    queryFn: () => dataProvider.get<Worklist>("/worklist/"),
    ...byCases,
  });
  // Open episodes in the server's order (by id); offered referrals newest first, as the server lists them.
  const episodesQuery = useGetList<Schemas["CustodyEpisode"]>(
    "custody-episodes",
    { filter: { open: true }, pagination: { page: 1, perPage: 50 }, sort: { field: "id", order: "ASC" } },
    byCases,
  );
  const offersQuery = useGetList<DiversionReferral>(
    "diversion-referrals",
    { filter: { status: "offered" }, pagination: { page: 1, perPage: 50 }, sort: { field: "offered_at", order: "DESC" } },
    byCases,
  );
  const worklist = worklistQuery.data ?? null;
  const episodes = episodesQuery.data ?? [];
  const offers = offersQuery.data ?? [];
  const occupancy = occupancyQuery.data?.results ?? [];
  const error =
    [occupancyQuery, worklistQuery, episodesQuery, offersQuery].map((q) => q.error?.message).find(Boolean) ?? null;

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate("jj.dashboard.title")} />
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {translate("jj.dashboard.title")}
      </Typography>
      <Typography variant="caption" component="p" sx={{ mb: 2 }}>
        {identity?.fullName} · {translate("jj.fields.time_zone", { zone: jurisdictionZone() })}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { md: "2fr 1fr" } }}>
        {seesCases && (
          <Card>
            <CardContent>
              {worklist === null ? (
                <LinearProgress aria-label="loading" />
              ) : (
                <>
                  <DeadlineSection
                    title={translate("jj.dashboard.overdue")}
                    rows={worklist.overdue}
                    total={worklist.counts.overdue ?? worklist.overdue.length}
                    bucket="overdue"
                    tone="error"
                  />
                  <DeadlineSection
                    title={translate("jj.dashboard.due_24h")}
                    rows={worklist.due_24h}
                    total={worklist.counts.due_24h ?? worklist.due_24h.length}
                    bucket="due_24h"
                    tone="warning"
                  />
                  <DeadlineSection
                    title={translate("jj.dashboard.due_week")}
                    rows={worklist.due_week}
                    total={worklist.counts.due_week ?? worklist.due_week.length}
                    bucket="due_week"
                    tone="info"
                  />
                </>
              )}
            </CardContent>
          </Card>
        )}
        <Box>
          {seesCases && (
            <Card sx={{ mb: 2 }}>
              <CardContent>
                <Typography variant="h6" component="h2">
                  {translate("jj.dashboard.in_custody")} ({episodes.length})
                </Typography>
                <List dense disablePadding>
                  {episodes.map((e) => (
                    <ListItem key={e.id} disablePadding>
                    <ListItemButton component={Link} to={`/custody-episodes/${e.id}/show`}>
                      <ListItemText
                        primary={`${e.child_display} · ${e.facility_name ?? ""}`}
                        secondary={
                          e.mandatory_release_flag || e.final_decision_overdue
                            ? translate("jj.dashboard.mandatory_release")
                            : translate("jj.dashboard.held_for", { hours: e.elapsed_hours })
                        }
                        slotProps={{
                          secondary: { color: e.mandatory_release_flag || e.final_decision_overdue ? "error" : undefined },
                        }}
                      />
                    </ListItemButton>
                    </ListItem>
                  ))}
                </List>
              </CardContent>
            </Card>
          )}
          {seesCases && (
            <Card sx={{ mb: 2 }}>
              <CardContent>
                <Typography variant="h6" component="h2">
                  {translate("jj.diversion.awaiting_consent")} ({offers.length})
                </Typography>
                <List dense disablePadding>
                  {offers.map((r) => (
                    <ListItem key={r.id} disablePadding>
                      <ListItemButton component={Link} to={`/diversion-referrals/${r.id}/show`}>
                        <ListItemText primary={`${r.case_reference} · ${r.programme_name}`} />
                      </ListItemButton>
                    </ListItem>
                  ))}
                </List>
              </CardContent>
            </Card>
          )}
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2">
                {translate("jj.dashboard.occupancy")}
              </Typography>
              <List dense disablePadding>
                {occupancy.map((f) => (
                  <ListItem key={f.facility} disableGutters>
                    <ListItemText
                      primary={f.name}
                      secondary={`${f.held_now} / ${f.capacity}`}
                      slotProps={{ secondary: { color: f.over_capacity ? "error" : undefined } }}
                    />
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
        </Box>
      </Box>
    </Box>
  );
}
