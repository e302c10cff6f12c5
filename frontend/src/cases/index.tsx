import {
  ArrayField,
  BooleanField,
  ArrayInput,
  AutocompleteInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  List,
  ReferenceInput,
  ReferenceManyField,
  SelectField,
  ShowButton,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useRecordContext,
} from "react-admin";

import { DecisionItem, DecisionList } from "../decisions/DecisionList";
import { useRuleErrors } from "../decisions/useRuleErrors";
import { ProtectionReferralLink } from "../referrals/ReferralLink";
import type { Decision } from "../http";
import { ZonedDateField } from "../layout/ZonedDateField";
import { ResponsiveDatagrid, SUB_TABLE_SX } from "../layout/ResponsiveDatagrid";
import { CaseActions } from "./CaseActions";
import { DocumentsPanel } from "../documents/DocumentsPanel";
import { ExportingListActions } from "../layout/ServerExportButtons";
import { CaseReportButton } from "../reports/CaseReportButton";
import { EmptyText } from "../layout/EmptyText";
import { caseKindEnumValues, caseOutputStatusEnumValues, categoryEnumValues } from "../api/schema.generated";
import { choicesOf } from "../api";

export const CASE_STATUS = choicesOf(caseOutputStatusEnumValues, "jj.choices.case_status");
const KIND = choicesOf(caseKindEnumValues, "jj.choices.case_kind");
export const CATEGORY = choicesOf(categoryEnumValues, "jj.choices.category");

const filters = [
  <TextInput source="q" label="ra.action.search" alwaysOn key="q" />,
  <SelectInput source="status" choices={CASE_STATUS} key="status" />,
];

export function CaseList() {
  return (
    <List filters={filters} sort={{ field: "opened_at", order: "DESC" }} exporter={false} actions={<ExportingListActions />}>
      <ResponsiveDatagrid primary="reference" secondary="child_display"
        tertiary={<SelectField source="status" choices={CASE_STATUS} />}>
        <TextField source="reference" label="jj.fields.reference" />
        <TextField source="child_display" label="jj.fields.child" sortable={false} />
        <SelectField source="kind" choices={KIND} label="jj.fields.kind" />
        <SelectField source="status" choices={CASE_STATUS} label="jj.fields.status" />
        <ZonedDateField source="opened_at" label="jj.fields.opened_at" />
        <ShowButton />
      </ResponsiveDatagrid>
    </List>
  );
}

function DecisionHistoryRow() {
  const record = useRecordContext<Decision & { id: number }>();
  if (!record) return null;
  return <DecisionItem decision={{ ...record, unmet: false, satisfied_by: [], supervisor_approval: false }} />;
}

export function CaseShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="reference" label="jj.fields.reference" />
        <TextField source="child_display" label="jj.fields.child" />
        <SelectField source="status" choices={CASE_STATUS} label="jj.fields.status" />
        <ZonedDateField source="opened_at" label="jj.fields.opened_at" />
        <TextField source="summary" emptyText="-" />
        <BooleanField source="no_criminal_record" label="jj.case.no_criminal_record" />
        <CaseReportButton />
        <CaseActions />
        <DocumentsPanel base="cases" />
        <ArrayField source="offences" label="jj.fields.offences">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <TextField source="description" label="jj.fields.description" />
            <TextField source="category_label" label="jj.fields.category" />
            <DateField source="offence_date" label="jj.fields.offence_date" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="assignments" label="jj.case.assignments">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <TextField source="username" label="jj.fields.actor" />
            <TextField source="role" label="jj.case.as_role" />
            <ZonedDateField source="assigned_at" label="jj.fields.started_at" />
          </Datagrid>
        </ArrayField>
        <ReferenceManyField reference="custody-episodes" target="case" label="jj.labels.custody" perPage={20}
          filter={{}}>
          <Datagrid bulkActionButtons={false} rowClick="show" empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <TextField source="facility_name" label="jj.fields.facility" sortable={false} />
            <ZonedDateField source="started_at" label="jj.fields.started_at" />
            <ZonedDateField source="ended_at" label="jj.labels.ended" />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField reference="decisions" target="case" label="jj.decisions.history" perPage={100}>
          <Datagrid bulkActionButtons={false} rowClick={false} header={() => null} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <DecisionHistoryRow />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField reference="timeline" target="case" label="jj.labels.timeline" perPage={100}>
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <ZonedDateField source="occurred_at" label="jj.fields.occurred_at" />
            <TextField source="summary" label="jj.fields.description" />
            <TextField source="actor_username" label="jj.fields.actor" emptyText="-" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}

export function CaseCreate() {
  const rules = useRuleErrors();
  return (
    <Create redirect="show" mutationOptions={{ onError: rules.onError }}>
      <SimpleForm defaultValues={{ kind: "arrest", offences: [{ category: "05" }] }}>
        <ReferenceInput source="child" reference="children">
          <AutocompleteInput label="jj.fields.child" optionText={childLabel} validate={required()} />
        </ReferenceInput>
        <SelectInput source="kind" choices={KIND} label="jj.fields.kind" validate={required()} />
        <TextInput source="summary" multiline fullWidth />
        <ArrayInput source="offences" label="jj.fields.offences">
          <SimpleFormIterator inline>
            <TextInput source="description" label="jj.fields.description" validate={required()} />
            <SelectInput source="category" choices={CATEGORY} label="jj.fields.category" validate={required()} />
            <DateInput source="offence_date" label="jj.fields.offence_date" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
        <DecisionList decisions={rules.decisions} />
        <ProtectionReferralLink id={rules.referral} />
      </SimpleForm>
    </Create>
  );
}


function childLabel(child: { pseudonym?: string; given_name?: string; family_name?: string }): string {
  const name = [child.given_name, child.family_name].filter(Boolean).join(" ");
  return name ? `${name} (${child.pseudonym ?? ""})` : (child.pseudonym ?? "");
}
