/** Jurisdictions of the installation, for the platform operator only (capability `jurisdiction.create`, scope
 * platform): the list, and opening a new one with its policy facts (indicators 14 and 15), its first agency and its
 * first administrator. The operator gains nothing inside the jurisdiction it opens; the API is the authority. */
import {
  BooleanField,
  Create,
  CreateButton,
  Datagrid,
  List,
  NullableBooleanInput,
  NumberInput,
  PasswordInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  email,
  maxLength,
  regex,
  required,
  useTranslate,
} from "react-admin";
import { Typography } from "@mui/material";

function ListActions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

export function JurisdictionList() {
  return (
    <List actions={<ListActions />} pagination={false} perPage={1000} empty={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="code" label="jj.jurisdictions.code" sortable={false} />
        <TextField source="name" label="jj.jurisdictions.name" sortable={false} />
        <TextField source="timezone" label="jj.jurisdictions.timezone" sortable={false} />
        <BooleanField source="specialised_system" label="jj.indicators.specialised_juvenile_justice_system" sortable={false} looseValue />
        <BooleanField source="prevention_plan" label="jj.indicators.prevention" sortable={false} looseValue />
      </Datagrid>
    </List>
  );
}

function Heading({ text }: { text: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
      {translate(text)}
    </Typography>
  );
}

function Note({ text }: { text: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate(text)}
    </Typography>
  );
}

export function JurisdictionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ suppression_threshold: 5, specialised_system: null, prevention_plan: null }}>
        <Heading text="jj.jurisdictions.legal_order" />
        <TextInput source="code" label="jj.jurisdictions.code" validate={[required(), maxLength(32), regex(/^[-a-zA-Z0-9_]+$/, "jj.jurisdictions.code_help")]} helperText="jj.jurisdictions.code_help" />
        <TextInput source="name" label="jj.jurisdictions.name" validate={[required(), maxLength(200)]} />
        <TextInput source="timezone" label="jj.jurisdictions.timezone" validate={required()} helperText="jj.jurisdictions.timezone_help" />
        <Heading text="jj.population.profile" />
        <NullableBooleanInput source="specialised_system" label="jj.indicators.specialised_juvenile_justice_system" nullLabel="jj.population.unknown" trueLabel="jj.oversight.yes" falseLabel="jj.oversight.no" />
        <TextInput source="specialised_system_note" label="jj.population.note" />
        <NullableBooleanInput source="prevention_plan" label="jj.indicators.prevention" nullLabel="jj.population.unknown" trueLabel="jj.oversight.yes" falseLabel="jj.oversight.no" />
        <TextInput source="prevention_plan_reference" label="jj.population.reference" validate={maxLength(300)} />
        <NumberInput source="suppression_threshold" label="jj.population.threshold" min={1} max={50} />
        <Heading text="jj.jurisdictions.first_agency_and_admin" />
        <Note text="jj.jurisdictions.no_power_note" />
        <TextInput source="agency_name" label="jj.jurisdictions.agency_name" validate={required()} />
        <TextInput source="admin_username" label="jj.jurisdictions.admin_username" validate={required()} />
        <PasswordInput source="admin_password" label="jj.jurisdictions.admin_password" validate={required()} />
        <TextInput source="admin_first_name" label="jj.jurisdictions.admin_first_name" />
        <TextInput source="admin_last_name" label="jj.jurisdictions.admin_last_name" />
        <TextInput source="admin_email" label="jj.jurisdictions.admin_email" validate={email()} />
        <Heading text="jj.jurisdictions.confirm" />
        <PasswordInput source="current_password" label="jj.jurisdictions.current_password" validate={required()} />
      </SimpleForm>
    </Create>
  );
}
