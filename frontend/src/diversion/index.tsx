import { Box } from "@mui/material";
import {
  ArrayField,
  BooleanField,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  Datagrid,
  DateField,
  DateTimeInput,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  Show,
  ShowButton,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useRecordContext,
} from "react-admin";

import { ActionForm } from "../custody/ActionForm";
import { DecisionList } from "../decisions/DecisionList";
import { useRuleErrors } from "../decisions/useRuleErrors";
import { ZonedDateField } from "../layout/ZonedDateField";
import { EmptyText } from "../layout/EmptyText";
import { SUB_TABLE_SX } from "../layout/ResponsiveDatagrid";
import { informedOfEnumValues, outcomeOutcomeEnumValues, programmeKindEnumValues, referralStatusEnumValues } from "../api/schema.generated";
import { choicesOf } from "../api";

export const REFERRAL_STATUS = choicesOf(referralStatusEnumValues, "jj.choices.referral_status");
const PROGRAMME_KIND = choicesOf(programmeKindEnumValues, "jj.choices.programme_kind");
const INFORMED_OF = choicesOf(informedOfEnumValues, "jj.choices.informed_of");
const OUTCOMES = choicesOf(outcomeOutcomeEnumValues, "jj.choices.outcome");

export function ReferralList() {
  return (
    <List empty={false} sort={{ field: "offered_at", order: "DESC" }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="case_reference" label="jj.fields.reference" sortable={false} />
        <TextField source="programme_name" label="jj.diversion.programme" sortable={false} />
        <SelectField source="status" choices={REFERRAL_STATUS} label="jj.fields.status" sortable={false} />
        <TextField source="stage_offered" label="jj.diversion.stage" sortable={false} />
        <ZonedDateField source="offered_at" label="jj.fields.started_at" />
        <ShowButton />
      </Datagrid>
    </List>
  );
}

export function ReferralActions() {
  const record = useRecordContext<{ id: number; status: string }>();
  if (!record) return null;
  const base = `/diversion-referrals/${record.id}/`;
  return (
    <Box sx={{ my: 2 }}>
      {record.status === "offered" && (
        <>
          <ActionForm action="diversion.record" title="jj.diversion.activate" path={`${base}activate/`} testId="form-activate"
            defaultValues={{ informed_of: [] }}>
            <TextInput source="compelling_evidence" label="jj.diversion.compelling_evidence" multiline fullWidth />
            <TextInput source="acknowledgement_of_responsibility" label="jj.diversion.acknowledgement" multiline
              fullWidth helperText="jj.diversion.acknowledgement_help" />
            <CheckboxGroupInput source="informed_of" choices={INFORMED_OF} label="jj.diversion.informed_of" />
            <BooleanInput source="child_consent" label="jj.diversion.child_consent" />
            <BooleanInput source="guardian_consent" label="jj.diversion.guardian_consent" />
            <BooleanInput source="legal_advice_offered" label="jj.diversion.legal_advice_offered" />
            <BooleanInput source="review_route_explained" label="jj.diversion.review_route_explained" />
            <TextInput source="accommodation_provided" label="jj.custody.accommodation_provided" multiline fullWidth />
            <DateTimeInput source="occurred_at" label="jj.fields.happened_at" helperText="jj.fields.happened_at_help" />
          </ActionForm>
          <ActionForm action="diversion.record" title="jj.diversion.decline" path={`${base}decline/`} testId="form-decline">
            <TextInput source="reason" label="jj.diversion.reason" validate={required()} fullWidth />
            <DateTimeInput source="occurred_at" label="jj.fields.happened_at" helperText="jj.fields.happened_at_help" />
          </ActionForm>
        </>
      )}
      {record.status === "active" && (
        <>
          <ActionForm action="diversion.record" title="jj.diversion.session" path={`${base}sessions/`} testId="form-session"
            defaultValues={{ at: new Date().toISOString(), attended: true }}>
            <DateTimeInput source="at" label="jj.fields.occurred_at" validate={required()} />
            <BooleanInput source="attended" label="jj.diversion.attended" />
            <BooleanInput source="conditions_met" label="jj.diversion.conditions_met" />
            <BooleanInput source="victim_participated" label="jj.diversion.victim_participated" />
            <BooleanInput source="victim_consent" label="jj.diversion.victim_consent" />
            <TextInput source="provider_note" label="jj.diversion.provider_note" multiline fullWidth />
          </ActionForm>
          <ActionForm action="diversion.record" title="jj.diversion.outcome" path={`${base}outcome/`} testId="form-outcome">
            <SelectInput source="outcome" choices={OUTCOMES} label="jj.fields.outcome" validate={required()} />
            <TextInput source="reason" label="jj.diversion.reason" fullWidth />
            <DateTimeInput source="occurred_at" label="jj.fields.happened_at" helperText="jj.fields.happened_at_help" />
          </ActionForm>
        </>
      )}
    </Box>
  );
}

export function ReferralShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="case_reference" label="jj.fields.reference" />
        <TextField source="programme_name" label="jj.diversion.programme" />
        <SelectField source="status" choices={REFERRAL_STATUS} label="jj.fields.status" />
        <TextField source="stage_offered" label="jj.diversion.stage" />
        <BooleanField source="acknowledgement_recorded" label="jj.diversion.acknowledgement_recorded" />
        <ZonedDateField source="child_consent_at" label="jj.diversion.child_consent" />
        <ZonedDateField source="legal_advice_offered_at" label="jj.diversion.legal_advice_offered" />
        <DateField source="ends_on" label="jj.diversion.ends_on" emptyText="-" />
        <ReferralActions />
        <ArrayField source="sessions" label="jj.diversion.sessions">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <ZonedDateField source="at" label="jj.fields.occurred_at" />
            <BooleanField source="attended" label="jj.diversion.attended" />
            <BooleanField source="conditions_met" label="jj.diversion.conditions_met" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}

export function ProgrammeList() {
  return (
    <List empty={false} sort={{ field: "name", order: "ASC" }}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
        <TextField source="name" />
        <SelectField source="kind" choices={PROGRAMME_KIND} label="jj.fields.kind" />
        <TextField source="provider" />
        <NumberField source="typical_duration_days" label="jj.diversion.duration_days" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

export function ProgrammeCreate() {
  const rules = useRuleErrors();
  return (
    <Create redirect="list" mutationOptions={{ onError: rules.onError }}>
      <SimpleForm defaultValues={{ kind: "mediation", typical_duration_days: 60, involves_deprivation_of_liberty: false }}>
        <TextInput source="name" validate={required()} />
        <SelectInput source="kind" choices={PROGRAMME_KIND} label="jj.fields.kind" validate={required()} />
        <TextInput source="provider" validate={required()} />
        <NumberInput source="typical_duration_days" label="jj.diversion.duration_days" min={1} />
        <NumberInput source="capacity" label="jj.fields.capacity" min={0} />
        <TextInput source="eligibility_notes" multiline fullWidth />
        <BooleanInput source="involves_deprivation_of_liberty" label="jj.diversion.deprivation" />
        <DecisionList decisions={rules.decisions} />
      </SimpleForm>
    </Create>
  );
}
