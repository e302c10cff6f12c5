/** User administration for administrators (/users): the accounts of their own jurisdiction only (the API refuses
 * any other with a 404), created and changed with their own password as confirmation; switching an account off ends
 * its sessions at once; a lost phone's authenticator app is reset here. Every change is recorded by the server. */
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  BooleanField,
  BooleanInput,
  Create,
  DateField,
  DateInput,
  Edit,
  EditButton,
  PasswordInput,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  email,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  List,
} from "react-admin";

import { useCan } from "../capabilities";
import type { dataProvider as provider } from "../dataProvider";
import { ResponsiveDatagrid } from "../layout/ResponsiveDatagrid";

export const ROLES = [
  "caseworker",
  "supervisor",
  "legal_counsel",
  "facility_officer",
  "court_officer",
  "oversight_monitor",
  "administrator",
].map((id) => ({ id, name: `jj.roles.${id}` }));

const FILTERS = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLES} label="jj.users.role" />,
  <SelectInput
    key="is_active"
    source="is_active"
    label="jj.users.active"
    choices={[
      { id: "true", name: "ra.boolean.true" },
      { id: "false", name: "ra.boolean.false" },
    ]}
  />,
];

export function UserList() {
  return (
    <List filters={FILTERS} sort={{ field: "username", order: "ASC" }} empty={false}>
      <ResponsiveDatagrid rowClick="edit" primary="username" secondary="agency_name">
        <TextField source="username" label="jj.users.username" />
        <TextField source="first_name" label="jj.users.first_name" sortable={false} />
        <TextField source="last_name" label="jj.users.last_name" sortable={false} />
        <SelectField source="role" choices={ROLES} label="jj.users.role" />
        <TextField source="agency_name" label="jj.users.agency" sortable={false} />
        <BooleanField source="is_active" label="jj.users.active" sortable={false} />
        <DateField source="last_login" label="jj.users.last_login" showTime />
        <EditButton />
      </ResponsiveDatagrid>
    </List>
  );
}

function ConfirmHelp() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      {translate("jj.users.confirm_help")}
    </Typography>
  );
}

/** The fields both forms share: who the person is, their role and the agency (of this jurisdiction) they work for. */
function AccountFields() {
  return (
    <>
      <TextInput source="first_name" label="jj.users.first_name" />
      <TextInput source="last_name" label="jj.users.last_name" />
      <TextInput source="email" label="jj.users.email" validate={email()} type="email" fullWidth />
      <SelectInput source="role" choices={ROLES} label="jj.users.role" validate={required()} />
      <ReferenceInput source="agency" reference="agencies" sort={{ field: "name", order: "ASC" }}>
        <SelectInput optionText="name" label="jj.users.agency" validate={required()} />
      </ReferenceInput>
      <DateInput source="trained_in_child_justice_on" label="jj.users.trained_on" />
    </>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ role: "caseworker" }}>
        <TextInput source="username" label="jj.users.username" validate={required()} autoComplete="off" />
        <AccountFields />
        <PasswordInput
          source="password"
          label="jj.users.initial_password"
          validate={[required(), minLength(12)]}
          autoComplete="new-password"
        />
        <ConfirmHelp />
        <PasswordInput
          source="current_password"
          label="jj.users.confirm_with_yours"
          validate={required()}
          autoComplete="current-password"
        />
      </SimpleForm>
    </Create>
  );
}

/** Only what changed is sent; an empty new password keeps the current one. The confirmation is never kept. */
export function userEditTransform(values: Record<string, unknown>): Record<string, unknown> {
  const { password, ...rest } = values;
  return password ? { ...rest, password } : rest;
}

export function MfaResetButton() {
  const record = useRecordContext<{ id: number; username: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const dataProvider = useDataProvider<typeof provider>();
  const reset = useMutation({
    mutationFn: (user: number) => dataProvider.post(`/users/${user}/mfa-reset/`, { current_password: password }),
    onSuccess: () => {
      notify("jj.users.mfa_reset_done", { type: "success" });
      setOpen(false);
      setPassword("");
      setError("");
    },
    onError: (e: Error) => {
      const body = (e as { body?: { errors?: Record<string, string> } }).body;
      setError(body?.errors?.current_password ?? e.message);
    },
  });
  if (!record || !can("users.manage")) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation(); // the dialog is inside the account's form in React's tree: do not submit that one too
    reset.mutate(record.id);
  };
  return (
    <>
      <MuiButton variant="outlined" color="warning" onClick={() => setOpen(true)} data-testid="mfa-reset"
        data-action="users.manage">
        {translate("jj.users.mfa_reset")}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="mfa-reset-title">
        <form onSubmit={submit}>
          <DialogTitle id="mfa-reset-title">{translate("jj.users.mfa_reset")}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate("jj.users.mfa_reset_help")}
            </Typography>
            {error && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {translate(error, { _: error })}
              </Alert>
            )}
            <MuiTextField
              type="password"
              label={translate("jj.users.confirm_with_yours")}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate("jj.users.cancel")}</MuiButton>
            <MuiButton type="submit" variant="contained" color="warning">
              {translate("jj.users.mfa_reset")}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}

function DisableHelp() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate("jj.users.disable_help")}
    </Typography>
  );
}

export function UserEdit() {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = () => {
    notify("jj.users.saved", { type: "success" });
    redirect("list", "users");
  };
  return (
    <Edit mutationMode="pessimistic" transform={userEditTransform} mutationOptions={{ onSuccess }}>
      <SimpleForm>
        <TextField source="username" label="jj.users.username" />
        <AccountFields />
        <BooleanInput source="is_active" label="jj.users.active" />
        <DisableHelp />
        <PasswordInput
          source="password"
          label="jj.users.new_password_optional"
          validate={minLength(12)}
          autoComplete="new-password"
        />
        <MfaResetButton />
        <ConfirmHelp />
        <PasswordInput
          source="current_password"
          label="jj.users.confirm_with_yours"
          validate={required()}
          autoComplete="current-password"
        />
      </SimpleForm>
    </Edit>
  );
}
