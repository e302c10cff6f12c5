import {
  BooleanField,
  BooleanInput,
  Create,
  DateField,
  DateInput,
  Edit,
  List,
  SearchInput,
  SelectField,
  ShowButton,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { Typography } from "@mui/material";

import { DecisionList } from "../decisions/DecisionList";
import { useRuleErrors } from "../decisions/useRuleErrors";
import { ResponsiveDatagrid } from "../layout/ResponsiveDatagrid";
import { seesNames } from "../permissions";
import { AccessLog } from "./AccessLog";
import { ChildTimeline } from "./ChildTimeline";
import { RecordContests } from "./RecordContests";
import { SubjectAccessButton } from "../reports/SubjectAccessButton";
import { DuplicateWarning } from "./DuplicateWarning";
import { DocumentsPanel } from "../documents/DocumentsPanel";
import { ExportingListActions } from "../layout/ServerExportButtons";
import { choicesOf } from "../api";
import { ageAssessmentMethodEnumValues, dobCertaintyEnumValues, sexEnumValues } from "../api/schema.generated";

export const DOB_CERTAINTY = choicesOf(dobCertaintyEnumValues, "jj.choices.dob_certainty");
export const SEX = choicesOf(sexEnumValues, "jj.choices.sex");
const AGE_METHOD = choicesOf(ageAssessmentMethodEnumValues, "jj.choices.age_method");

const filters = [<SearchInput source="q" alwaysOn key="q" />];

function ChildName() {
  const record = useRecordContext<{ given_name?: string; family_name?: string }>();
  return <>{[record?.given_name, record?.family_name].filter(Boolean).join(" ")}</>;
}

export function ChildList() {
  const { permissions: role } = usePermissions<string>();
  const names = seesNames(role);
  return (
    <List filters={filters} sort={{ field: "id", order: "DESC" }} exporter={false} actions={<ExportingListActions />}>
      <ResponsiveDatagrid primary={names ? <ChildName /> : "pseudonym"} secondary={names ? "pseudonym" : undefined}>
        <TextField source="pseudonym" label="jj.fields.pseudonym" />
        {names && <TextField source="given_name" label="jj.fields.given_name" />}
        {names && <TextField source="family_name" label="jj.fields.family_name" />}
        {names && <DateField source="date_of_birth" label="jj.fields.date_of_birth" />}
        <SelectField source="dob_certainty" choices={DOB_CERTAINTY} label="jj.fields.dob_certainty" />
        <ShowButton />
      </ResponsiveDatagrid>
    </List>
  );
}

export function ChildShow() {
  const { permissions: role } = usePermissions<string>();
  const names = seesNames(role);
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="pseudonym" label="jj.fields.pseudonym" />
        {names && <TextField source="given_name" label="jj.fields.given_name" />}
        {names && <TextField source="family_name" label="jj.fields.family_name" />}
        {names && <DateField source="date_of_birth" label="jj.fields.date_of_birth" emptyText="-" />}
        <SelectField source="dob_certainty" choices={DOB_CERTAINTY} label="jj.fields.dob_certainty" />
        <SelectField source="sex" choices={SEX} label="jj.fields.sex" emptyText="-" />
        <TextField source="languages" label="jj.fields.languages" emptyText="-" />
        <BooleanField source="interpreter_needed" label="jj.fields.interpreter_needed" />
        <ChildTimeline />
        <RecordContests />
        <SubjectAccessButton />
        <DocumentsPanel base="children" />
        <AccessLog />
      </SimpleShowLayout>
    </Show>
  );
}

function ChildFields() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="given_name" label="jj.fields.given_name" validate={required()} />
      <TextInput source="family_name" label="jj.fields.family_name" />
      <SelectInput source="dob_certainty" label="jj.fields.dob_certainty" choices={DOB_CERTAINTY} validate={required()} />
      <DateInput source="date_of_birth" label="jj.fields.date_of_birth" />
      <DateInput source="dob_earliest" label="jj.labels.dob_earliest" />
      <DateInput source="dob_latest" label="jj.labels.dob_latest" />
      <SelectInput source="age_assessment_method" label="jj.labels.age_assessment" choices={AGE_METHOD} />
      <SelectInput source="sex" label="jj.fields.sex" choices={SEX} />
      <TextInput source="languages" label="jj.fields.languages" />
      <BooleanInput source="interpreter_needed" label="jj.fields.interpreter_needed" />
      <BooleanInput source="developmental_disorder" label="jj.labels.developmental_disorder" />
      <BooleanInput source="armed_forces_association" label="jj.labels.armed_forces_association" />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate("jj.labels.origin_section")}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate("jj.labels.consent_help")}
      </Typography>
      <TextInput source="nationality" label="jj.labels.nationality" />
      <TextInput source="migration_status" label="jj.labels.migration_status" />
      <BooleanInput source="migration_status_consent" label="jj.labels.migration_status_consent" />
      <TextInput source="minority_status" label="jj.labels.minority_status" />
      <BooleanInput source="minority_status_consent" label="jj.labels.minority_status_consent" />
      <TextInput source="disability" label="jj.labels.disability" multiline />
      <BooleanInput source="disability_consent" label="jj.labels.disability_consent" />
    </>
  );
}

export function ChildCreate() {
  const rules = useRuleErrors();
  return (
    <Create redirect="show" mutationOptions={{ onError: rules.onError }}>
      <SimpleForm defaultValues={{ dob_certainty: "documented", sex: "unknown", age_assessment_method: "documents" }}>
        <ChildFields />
        <DuplicateWarning />
        <DecisionList decisions={rules.decisions} />
      </SimpleForm>
    </Create>
  );
}

export function ChildEdit() {
  const rules = useRuleErrors();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError: rules.onError }}>
      <SimpleForm>
        <ChildFields />
        <DecisionList decisions={rules.decisions} />
      </SimpleForm>
    </Edit>
  );
}
