/** The records page (REC-3, issues 14/15): the supervisor's preview of what will be sealed or removed in the next
 * 30 days, and the break-glass read of a sealed record: asked with a stated reason, approved by a second supervisor
 * where the jurisdiction's policy says so, then opened once, read-only, under a banner saying it is audited. Each part
 * is shown only to the roles the server's capability table allows; the API stays the authority. */
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  BooleanField,
  Datagrid,
  DateField,
  Form,
  FunctionField,
  ListContextProvider,
  NumberInput,
  RecordContextProvider,
  SaveButton,
  SelectField,
  SimpleShowLayout,
  TextField,
  TextInput,
  Title,
  minLength,
  required,
  useDataProvider,
  useList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from "react-admin";
import type { FieldValues } from "react-hook-form";

import type { Schemas } from "../api";
import { useCan } from "../capabilities";
import { DOB_CERTAINTY, SEX } from "../children";
import type { dataProvider as jjDataProvider } from "../dataProvider";
import { formatInZone } from "../time";

export interface PreviewRow {
  child_id: number;
  pseudonym: string;
  action: "seal" | "remove" | "review";
  due_on: string | null;
}

/** A break-glass request as the list answers it (GET /api/records/sealed-reads/). */
export type SealedReadRow = Schemas["SealedReadRequest"];

type OpenedChild = Record<string, unknown> & { id: number; pseudonym: string };

/** The words of the standards REC-3 enforces (docs/rules.md), quoted as checked: quotations are never translated. */
export const REC_3_CITATIONS = [
  {
    source: "CRC/C/GC/24, para. 71",
    text: "removal of children's criminal records when they reach the age of 18, automatically or, in exceptional cases, following independent review",
  },
  {
    source: "Havana Rules (A/RES/45/113), r. 19",
    text: "Upon release, the records of juveniles shall be sealed, and, at an appropriate time, expunged",
  },
  {
    source: "CRC/C/GC/24, paras. 66-70",
    text: "closed to third parties except for those directly involved ... lifelong privacy protection",
  },
];

const KEY = ["records"] as const;
const PAGE = "page_size=100";

type JjDataProvider = typeof jjDataProvider;

/** A date without a time (YYYY-MM-DD), in the reader's language; the calendar day, whatever the zone. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

function errorMessage(error: unknown): string {
  return (error as Error | undefined)?.message ?? "ra.notification.http_error";
}

function RecordsPreview() {
  const dataProvider = useDataProvider<JjDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useQuery({
    queryKey: [...KEY, "preview"],
    queryFn: () => dataProvider.get<PreviewRow[]>("/records/preview/"),
  });
  const rows = (data ?? []).map((row) => ({ ...row, id: `${row.child_id}-${row.action}` }));
  const list = useList({ data: rows, isPending, perPage: 1000 });
  return (
    <Card component="section" aria-labelledby="records-preview-title" data-testid="records-preview" data-action="records.preview">
      <CardContent>
        <Typography id="records-preview-title" component="h2" variant="h6">
          {translate("jj.records.preview")}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>{translate("jj.records.preview_help")}</Typography>
        {error ? <Alert severity="error">{translate(errorMessage(error))}</Alert> : null}
        <ListContextProvider value={list}>
          <Datagrid resource="records"
            bulkActionButtons={false}
            rowClick={false}
            empty={<Typography variant="body2">{translate("jj.records.preview_empty")}</Typography>}
          >
            <TextField source="pseudonym" label="jj.fields.pseudonym" sortable={false} />
            <TextField source="child_id" label="jj.records.child_number" sortable={false} />
            <FunctionField<PreviewRow>
              label="jj.records.action"
              sortable={false}
              render={(row) => translate(`jj.records.actions.${row.action}`)}
            />
            <FunctionField<PreviewRow>
              label="jj.records.due_on"
              sortable={false}
              render={(row) => formatDay(row.due_on, locale)}
            />
          </Datagrid>
        </ListContextProvider>
      </CardContent>
    </Card>
  );
}

function Explanation() {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="records-explanation-title">
      <CardContent>
        <Typography id="records-explanation-title" component="h2" variant="h6">
          {translate("jj.records.citations")}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>{translate("jj.records.explanation")}</Typography>
        {REC_3_CITATIONS.map(({ source, text }) => (
          <Box component="figure" key={source} sx={{ marginInline: 0, marginBlock: 1 }}>
            <Box component="blockquote" lang="en" dir="ltr"
              sx={{ marginInline: 0, paddingInlineStart: 2, borderInlineStart: 3, borderColor: "divider" }}>
              <Typography variant="body2">“{text}”</Typography>
            </Box>
            <Typography component="figcaption" variant="caption">{source}</Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}

function useRequests(scope: "mine" | "to_decide", enabled: boolean) {
  const dataProvider = useDataProvider<JjDataProvider>();
  return useQuery({
    queryKey: [...KEY, "sealed-reads", scope],
    queryFn: async () =>
      (await dataProvider.get<{ results: SealedReadRow[] }>(`/records/sealed-reads/?scope=${scope}&${PAGE}`)).results,
    enabled,
  });
}

function StatusField(_props: { label?: string }) {
  const translate = useTranslate();
  const row = useRecordContext<SealedReadRow>();
  if (!row) return null;
  return <span>{translate(`jj.records.statuses.${row.status}`)}</span>;
}

function AskedAt(_props: { label?: string }) {
  const [locale] = useLocaleState();
  const row = useRecordContext<SealedReadRow>();
  return <span>{formatInZone(row?.created_at, locale)}</span>;
}

function RequestForm({ onOpened }: { onOpened: (child: OpenedChild) => void }) {
  const dataProvider = useDataProvider<JjDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [held, setHeld] = useState(false);
  const submit = async (values: FieldValues) => {
    setHeld(false);
    try {
      const answer = await dataProvider.post<{ child?: OpenedChild; request?: number; status?: string }>(
        "/records/sealed-read/",
        { child: values.child, reason: values.reason },
      );
      await queryClient.invalidateQueries({ queryKey: [...KEY, "sealed-reads"] });
      if (answer.child) onOpened(answer.child);
      else setHeld(true);
      return undefined;
    } catch (error) {
      const errors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
      if (!errors) notify(errorMessage(error), { type: "error" });
      return errors;
    }
  };
  return (
    <Box data-testid="form-sealed-read" data-action="records.sealed_read">
      <Typography component="h3" variant="subtitle1">{translate("jj.records.request")}</Typography>
      <Form onSubmit={submit} record={{}}>
        <Stack sx={{ maxWidth: 640 }}>
          <NumberInput source="child" label="jj.records.child_number" helperText="jj.records.child_help"
            validate={required()} min={1} step={1} />
          <TextInput source="reason" label="jj.records.reason" helperText="jj.records.reason_help" multiline minRows={2}
            validate={[required(), minLength(20, "jj.records.reason_short")]} fullWidth />
          <Box><SaveButton alwaysEnable label="jj.records.request" /></Box>
        </Stack>
      </Form>
      <Box role="status" sx={{ mt: 1 }}>
        {held && <Alert severity="info">{translate("jj.records.held")}</Alert>}
      </Box>
    </Box>
  );
}

function OpenButton({ onOpened }: { onOpened: (child: OpenedChild) => void }) {
  const row = useRecordContext<SealedReadRow>();
  const dataProvider = useDataProvider<JjDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: (id: number) => dataProvider.post<{ child: OpenedChild }>(`/records/sealed-read/${id}/open/`, {}),
    onSuccess: async (answer) => {
      onOpened(answer.child);
      await queryClient.invalidateQueries({ queryKey: [...KEY, "sealed-reads"] });
    },
    onError: (error) => notify(errorMessage(error), { type: "error" }),
  });
  if (!row || row.status !== "approved") return null;
  return (
    <Button size="small" variant="contained" data-action="records.sealed_read" disabled={open.isPending}
      onClick={() => open.mutate(row.id)} aria-label={`${translate("jj.records.open")} ${row.pseudonym}`}>
      {translate("jj.records.open")}
    </Button>
  );
}

function MyRequests({ onOpened }: { onOpened: (child: OpenedChild) => void }) {
  const translate = useTranslate();
  const { data, isPending } = useRequests("mine", true);
  const list = useList({ data: data ?? [], isPending, perPage: 1000 });
  return (
    <Box data-testid="sealed-reads-mine">
      <Typography component="h3" variant="subtitle1">{translate("jj.records.mine")}</Typography>
      <ListContextProvider value={list}>
        <Datagrid resource="records" bulkActionButtons={false} rowClick={false}
          empty={<Typography variant="body2">{translate("jj.records.mine_empty")}</Typography>}>
          <TextField source="pseudonym" label="jj.fields.pseudonym" sortable={false} />
          <TextField source="child" label="jj.records.child_number" sortable={false} />
          <AskedAt label="jj.records.asked_at" />
          <StatusField label="jj.records.status" />
          <TextField source="decided_by_username" label="jj.records.decided_by" sortable={false} emptyText="-" />
          <OpenButton onOpened={onOpened} />
        </Datagrid>
      </ListContextProvider>
    </Box>
  );
}

function DecideButtons() {
  const row = useRecordContext<SealedReadRow>();
  const dataProvider = useDataProvider<JjDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      dataProvider.post(`/records/sealed-read/${id}/decide/`, { approve }),
    onSuccess: async () => {
      notify("jj.records.decided", { type: "success" });
      await queryClient.invalidateQueries({ queryKey: [...KEY, "sealed-reads"] });
    },
    onError: (error) => notify(errorMessage(error), { type: "error" }),
  });
  if (!row || row.status !== "pending") return null;
  const name = `${row.pseudonym}, ${row.requested_by_username}`;
  return (
    <Stack direction="row" spacing={1} data-action="records.sealed_read_approve">
      <Button size="small" variant="contained" disabled={decide.isPending} aria-label={`${translate("jj.records.approve")}: ${name}`}
        onClick={() => decide.mutate({ id: row.id, approve: true })}>
        {translate("jj.records.approve")}
      </Button>
      <Button size="small" variant="outlined" disabled={decide.isPending} aria-label={`${translate("jj.records.refuse")}: ${name}`}
        onClick={() => decide.mutate({ id: row.id, approve: false })}>
        {translate("jj.records.refuse")}
      </Button>
    </Stack>
  );
}

function ToDecide() {
  const translate = useTranslate();
  const { data, isPending } = useRequests("to_decide", true);
  const list = useList({ data: data ?? [], isPending, perPage: 1000 });
  return (
    <Box data-testid="sealed-reads-to-decide" data-action="records.sealed_read_approve">
      <Typography component="h3" variant="subtitle1">{translate("jj.records.to_decide")}</Typography>
      <ListContextProvider value={list}>
        <Datagrid resource="records" bulkActionButtons={false} rowClick={false}
          empty={<Typography variant="body2">{translate("jj.records.to_decide_empty")}</Typography>}>
          <TextField source="pseudonym" label="jj.fields.pseudonym" sortable={false} />
          <TextField source="child" label="jj.records.child_number" sortable={false} />
          <TextField source="requested_by_username" label="jj.records.requested_by" sortable={false} />
          <AskedAt label="jj.records.asked_at" />
          <DecideButtons />
        </Datagrid>
      </ListContextProvider>
    </Box>
  );
}

/** The sealed record as the API returned it, read-only, under the banner: what it shows is what the role may see. */
export function OpenedRecord({ child, onClose }: { child: OpenedChild; onClose: () => void }) {
  const translate = useTranslate();
  const has = (field: string) => field in child;
  return (
    <Card component="section" aria-labelledby="sealed-record-title" data-testid="sealed-record">
      <CardContent>
        <Alert severity="warning" role="alert" sx={{ mb: 2 }} data-testid="sealed-read-banner">
          {translate("jj.records.audited_banner")}
        </Alert>
        <Typography id="sealed-record-title" component="h2" variant="h6">
          {translate("jj.records.opened_title")}
        </Typography>
        <RecordContextProvider value={child}>
          <SimpleShowLayout>
            <TextField source="pseudonym" label="jj.fields.pseudonym" />
            {has("given_name") && <TextField source="given_name" label="jj.fields.given_name" />}
            {has("family_name") && <TextField source="family_name" label="jj.fields.family_name" emptyText="-" />}
            {has("date_of_birth") && <DateField source="date_of_birth" label="jj.fields.date_of_birth" emptyText="-" />}
            {has("dob_certainty") && <SelectField source="dob_certainty" choices={DOB_CERTAINTY} label="jj.fields.dob_certainty" />}
            {has("sex") && <SelectField source="sex" choices={SEX} label="jj.fields.sex" emptyText="-" />}
            {has("languages") && <TextField source="languages" label="jj.fields.languages" emptyText="-" />}
            {has("interpreter_needed") && <BooleanField source="interpreter_needed" label="jj.fields.interpreter_needed" />}
          </SimpleShowLayout>
        </RecordContextProvider>
        <Button variant="outlined" onClick={onClose}>{translate("jj.records.close_record")}</Button>
      </CardContent>
    </Card>
  );
}

function BreakGlass() {
  const translate = useTranslate();
  const can = useCan();
  const [opened, setOpened] = useState<OpenedChild | null>(null);
  const reads = can("records.sealed_read");
  const approves = can("records.sealed_read_approve");
  if (!reads && !approves) return null;
  return (
    <Card component="section" aria-labelledby="break-glass-title" data-testid="break-glass">
      <CardContent>
        <Typography id="break-glass-title" component="h2" variant="h6">{translate("jj.records.break_glass")}</Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>{translate("jj.records.break_glass_help")}</Typography>
        <Stack spacing={3}>
          {opened && <OpenedRecord child={opened} onClose={() => setOpened(null)} />}
          {reads && <RequestForm onOpened={setOpened} />}
          {reads && <MyRequests onOpened={setOpened} />}
          {approves && <ToDecide />}
        </Stack>
      </CardContent>
    </Card>
  );
}

export function RecordsPage() {
  const translate = useTranslate();
  const can = useCan();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="jj.records.title" />
      <Typography component="h1" variant="h5" sx={{ mb: 2 }}>{translate("jj.records.title")}</Typography>
      <Stack spacing={2}>
        {can("records.preview") && <RecordsPreview />}
        <Explanation />
        <BreakGlass />
      </Stack>
    </Box>
  );
}
