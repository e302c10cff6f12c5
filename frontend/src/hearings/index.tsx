/** The hearings calendar: the caller's hearings (their cases, their court, their agency) grouped by day or week;
 * scheduling one; recording how it ended (held in custody: the court appearance, with its deadlines). */
import { Box, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  BooleanInput,
  Create,
  DateInput,
  DateTimeInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  CreateButton,
  required,
  useCanAccess,
  useListContext,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from "react-admin";
import { Link } from "react-router-dom";

import { ActionForm } from "../custody/ActionForm";
import { ZonedDateField } from "../layout/ZonedDateField";
import { formatInZone, jurisdictionZone } from "../time";
import { type GroupBy, groupHearings } from "./grouping";

export const PURPOSES = [
  { id: "first_appearance", name: "jj.hearings.purpose.first_appearance" },
  { id: "review", name: "jj.hearings.purpose.review" },
  { id: "charge", name: "jj.hearings.purpose.charge" },
  { id: "final", name: "jj.hearings.purpose.final" },
  { id: "other", name: "jj.hearings.purpose.other" },
];

export const STATUSES = [
  { id: "scheduled", name: "jj.hearings.status.scheduled" },
  { id: "held", name: "jj.hearings.status.held" },
  { id: "adjourned", name: "jj.hearings.status.adjourned" },
  { id: "cancelled", name: "jj.hearings.status.cancelled" },
];

const OUTCOMES = [
  { id: "detention_continued", name: "jj.hearings.appearance_outcome.detention_continued" },
  { id: "released", name: "jj.hearings.appearance_outcome.released" },
  { id: "charged", name: "jj.hearings.appearance_outcome.charged" },
  { id: "decided", name: "jj.hearings.appearance_outcome.decided" },
];

const filters = [
  <BooleanInput source="mine" key="mine" label="jj.hearings.mine" alwaysOn />,
  <DateInput source="at__gte" key="from" label="jj.hearings.from" alwaysOn />,
  <DateInput source="at__lt" key="until" label="jj.hearings.until" alwaysOn />,
  <TextInput source="court" key="court" label="jj.hearings.court" />,
  <SelectInput source="status" key="status" choices={STATUSES} label="jj.fields.status" />,
];

interface HearingRow {
  id: number;
  at: string;
  court: string;
  purpose: string;
  status: string;
  case: number;
  case_reference: string;
  child_display: string;
  agency_name: string;
}

function groupTitle(key: string, by: GroupBy, locale: string, translate: (k: string, o?: object) => string): string {
  const date = new Date(`${key}T12:00:00Z`);
  const label = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(date);
  return by === "day" ? label : translate("jj.hearings.week_of", { date: label });
}

function Calendar() {
  const { data, isPending } = useListContext<HearingRow>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [by, setBy] = useState<GroupBy>("day");
  if (isPending) return null;
  const zone = jurisdictionZone();
  const groups = groupHearings(data ?? [], by, zone);
  const purpose = (id: string) => translate(PURPOSES.find((p) => p.id === id)?.name ?? id);
  const status = (id: string) => translate(STATUSES.find((s) => s.id === id)?.name ?? id);
  return (
    <Box sx={{ p: 2 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={by}
        onChange={(_, value: GroupBy | null) => value && setBy(value)}
        aria-label={translate("jj.hearings.group_by")}
      >
        <ToggleButton value="day">{translate("jj.hearings.by_day")}</ToggleButton>
        <ToggleButton value="week">{translate("jj.hearings.by_week")}</ToggleButton>
      </ToggleButtonGroup>
      {groups.length === 0 && <Typography sx={{ mt: 2 }}>{translate("jj.hearings.none")}</Typography>}
      {groups.map((group) => (
        <Box key={group.key} sx={{ mt: 2 }} data-testid={`hearing-group-${group.key}`}>
          <Typography component="h2" variant="h6">
            {groupTitle(group.key, by, locale, translate)}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate("jj.hearings.when")}</TableCell>
                <TableCell>{translate("jj.hearings.court")}</TableCell>
                <TableCell>{translate("jj.hearings.purpose_label")}</TableCell>
                <TableCell>{translate("jj.fields.reference")}</TableCell>
                <TableCell>{translate("jj.fields.child")}</TableCell>
                <TableCell>{translate("jj.fields.status")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {group.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <Link to={`/hearings/${row.id}/show`}>{formatInZone(row.at, locale, zone)}</Link>
                  </TableCell>
                  <TableCell>{row.court}</TableCell>
                  <TableCell>{purpose(row.purpose)}</TableCell>
                  <TableCell>
                    <Link to={`/cases/${row.case}/show`}>{row.case_reference}</Link>
                  </TableCell>
                  <TableCell>{row.child_display}</TableCell>
                  <TableCell>{status(row.status)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
}

function ListActions() {
  const { canAccess } = useCanAccess({ resource: "hearings", action: "create" });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton label="jj.hearings.schedule" />}
    </TopToolbar>
  );
}

export function HearingList() {
  return (
    <List
      empty={false}
      filters={filters}
      actions={<ListActions />}
      filterDefaultValues={{ mine: true, status: "scheduled" }}
      sort={{ field: "at", order: "ASC" }}
      perPage={100}
    >
      <Calendar />
    </List>
  );
}

export function HearingCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const client = useQueryClient();
  // A hearing within 24 hours is reminded at once: the bell's count is read again.
  const onSuccess = async (data: { id: number }) => {
    await client.invalidateQueries({ queryKey: ["jj", "notifications"] });
    notify("ra.notification.created", { type: "info", messageArgs: { smart_count: 1 } });
    redirect("show", "hearings", data.id);
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ purpose: "review" }}>
        <ReferenceInput source="case" reference="cases" perPage={100} sort={{ field: "id", order: "DESC" }}>
          <SelectInput optionText="reference" label="jj.fields.reference" validate={required()} />
        </ReferenceInput>
        <TextInput source="court" label="jj.hearings.court" validate={required()} />
        <DateTimeInput source="at" label="jj.hearings.when" validate={required()} />
        <SelectInput source="purpose" choices={PURPOSES} label="jj.hearings.purpose_label" validate={required()} />
        <TextInput source="notes" label="jj.hearings.notes" multiline />
      </SimpleForm>
    </Create>
  );
}

export function HearingOutcomeForm() {
  const record = useRecordContext<HearingRow>();
  // ActionForm shows the form only to roles the capability table lets record it.
  if (!record || record.status !== "scheduled") return null;
  return (
    <ActionForm action="hearing.schedule" title="jj.hearings.record_outcome" path={`/hearings/${record.id}/outcome/`} testId="form-hearing-outcome"
      defaultValues={{ status: "held" }}>
      <SelectInput source="status" choices={STATUSES.filter((s) => s.id !== "scheduled")} label="jj.fields.status"
        validate={required()} />
      <SelectInput source="appearance_outcome" choices={OUTCOMES} label="jj.hearings.appearance_outcome_label"
        helperText="jj.hearings.appearance_help" />
      <TextInput source="note" label="jj.hearings.note" multiline />
    </ActionForm>
  );
}

export function HearingShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ZonedDateField source="at" label="jj.hearings.when" />
        <TextField source="court" label="jj.hearings.court" />
        <SelectField source="purpose" choices={PURPOSES} label="jj.hearings.purpose_label" />
        <SelectField source="status" choices={STATUSES} label="jj.fields.status" />
        <TextField source="case_reference" label="jj.fields.reference" />
        <TextField source="child_display" label="jj.fields.child" />
        <TextField source="agency_name" label="jj.hearings.agency" />
        <TextField source="notes" label="jj.hearings.notes" emptyText="-" />
        <TextField source="outcome_note" label="jj.hearings.note" emptyText="-" />
        <HearingOutcomeForm />
      </SimpleShowLayout>
    </Show>
  );
}
