/** Children below the minimum age (MACR-1) or alleged only a status offence (STA-1): child protection, not a case.
 * The referral's workflow: sent to a child protection service, received, accepted, closed, with follow-up notes.
 * The child is shown by name to roles that may see names and by pseudonym otherwise; never by a numeric id. */
import { Box } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  Datagrid,
  List,
  SelectField,
  SelectInput,
  Show,
  ShowButton,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useDataProvider,
  useRecordContext,
} from "react-admin";

import { choicesOf, type ProtectionReferral, type ProtectionReferralStatus, type Schemas } from "../api";
import { protectionReferralStatusEnumValues } from "../api/schema.generated";
import { ActionForm } from "../custody/ActionForm";
import type { dataProvider as jjDataProvider } from "../dataProvider";
import { DecisionList } from "../decisions/DecisionList";
import type { Decision } from "../http";
import { ZonedDateField } from "../layout/ZonedDateField";

export const PROTECTION_STATUS = choicesOf(protectionReferralStatusEnumValues, "jj.choices.protection_status");

const FOLLOW_UP = "protection_referral.follow_up";

export function ProtectionReferralList() {
  return (
    <List empty={false} sort={{ field: "created_at", order: "DESC" }}
      filters={[<SelectInput key="status" source="status" choices={PROTECTION_STATUS} label="jj.protection.status" alwaysOn />]}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <ZonedDateField source="created_at" label="resources.protection-referrals.fields.created_at" />
        <TextField source="child_display" label="jj.fields.child" sortable={false} />
        <SelectField source="status" choices={PROTECTION_STATUS} label="jj.protection.status" />
        <TextField source="receiving_service" label="jj.protection.receiving_service" sortable={false} emptyText="-" />
        <ShowButton />
      </Datagrid>
    </List>
  );
}

/** The services the agency referred children to before: offered as suggestions, a new one may be typed. */
function ServiceSuggestions({ id }: { id: string }) {
  const dataProvider = useDataProvider<typeof jjDataProvider>();
  const { data } = useQuery({
    queryKey: ["protection-referrals", "services"],
    queryFn: () => dataProvider.get<Schemas["ProtectionServices"]>("/protection-referrals/services/"),
  });
  return (
    <datalist id={id}>
      {(data?.services ?? []).map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}

function NoteInput() {
  return <TextInput source="note" label="jj.protection.note" helperText="jj.protection.note_help" multiline fullWidth />;
}

/** The steps the referral's status allows (the server's lifecycle table), each shown only to roles that may take it. */
export function ProtectionReferralActions() {
  const record = useRecordContext<ProtectionReferral>();
  if (!record) return null;
  const path = `/protection-referrals/${record.id}/follow-up/`;
  const to = (status: ProtectionReferralStatus) => (values: Record<string, unknown>) => ({ ...values, status });
  const status = record.status;
  return (
    <Box sx={{ my: 2 }}>
      {status === "to_send" && (
        <ActionForm action={FOLLOW_UP} title="jj.protection.send" path={path} testId="form-referral-send" transform={to("sent")}>
          <TextInput source="receiving_service" label="jj.protection.receiving_service" helperText="jj.protection.service_help"
            validate={required()} fullWidth inputProps={{ list: "protection-services" }} />
          <ServiceSuggestions id="protection-services" />
          <NoteInput />
        </ActionForm>
      )}
      {status === "sent" && (
        <ActionForm action={FOLLOW_UP} title="jj.protection.receive" path={path} testId="form-referral-receive"
          transform={to("received")}>
          <NoteInput />
        </ActionForm>
      )}
      {status === "received" && (
        <ActionForm action={FOLLOW_UP} title="jj.protection.accept" path={path} testId="form-referral-accept"
          transform={to("accepted")}>
          <NoteInput />
        </ActionForm>
      )}
      {status !== "closed" && (
        <ActionForm action={FOLLOW_UP} title="jj.protection.close" path={path} testId="form-referral-close"
          transform={to("closed")}>
          <NoteInput />
        </ActionForm>
      )}
      <ActionForm action={FOLLOW_UP} title="jj.protection.add_note" path={path} testId="form-referral-note">
        <TextInput source="note" label="jj.protection.note" helperText="jj.protection.note_help" multiline fullWidth
          validate={required()} />
      </ActionForm>
    </Box>
  );
}

/** The rules that sent the child here (MACR-1, STA-1), as the refusal showed them. */
function ReferralDecisions() {
  const record = useRecordContext<ProtectionReferral>();
  // The schema types the stored decisions loosely (a JSON field); they are the engine's decisions.
  const decisions = (record?.decisions ?? []) as Decision[];
  return <DecisionList decisions={decisions} />;
}

export function ProtectionReferralShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="child_display" label="jj.fields.child" />
        <SelectField source="status" choices={PROTECTION_STATUS} label="jj.protection.status" />
        <TextField source="receiving_service" label="jj.protection.receiving_service" emptyText="-" />
        <ZonedDateField source="created_at" label="resources.protection-referrals.fields.created_at" />
        <ZonedDateField source="sent_at" label="jj.protection.sent_at" />
        <ZonedDateField source="received_at" label="jj.protection.received_at" />
        <ZonedDateField source="accepted_at" label="jj.protection.accepted_at" />
        <ZonedDateField source="closed_at" label="jj.protection.closed_at" />
        <TextField source="referred_by_username" label="jj.protection.referred_by" emptyText="-" />
        <TextField source="reason" label="resources.protection-referrals.fields.reason" />
        <TextField source="circumstances" label="jj.protection.circumstances" emptyText="-" />
        <TextField source="follow_up_notes" label="jj.protection.follow_up_notes" emptyText="-"
          sx={{ whiteSpace: "pre-wrap" }} data-testid="referral-notes" />
        <ProtectionReferralActions />
        <ReferralDecisions />
      </SimpleShowLayout>
    </Show>
  );
}
