/** Child population figures (the denominators of the UNODC/UNICEF rates): administrators enter them one by one or
 * import a CSV; oversight monitors read them. */
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { Alert, Box, Button, TextField as MuiTextField } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  CreateButton,
  required,
  useCanAccess,
  useDataProvider,
  useRefresh,
  useTranslate,
} from "react-admin";

import type { dataProvider as provider } from "../dataProvider";
import { ProfileForm } from "./ProfileForm";
import { ageGroupEnumValues, sexEnumValues } from "../api/schema.generated";
import { choicesOf } from "../api";

export const SEXES = choicesOf(sexEnumValues, "jj.choices.sex");
export const AGE_GROUPS = choicesOf(ageGroupEnumValues, "jj.oversight.group_names");

/** Reads the chosen CSV file in the browser and sends its text; the API checks every line before writing any. */
export function PopulationImport() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<typeof provider>();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("");
  const upload = useMutation({
    mutationFn: async () => dataProvider.post<{ rows: number }>("/oversight/population/import/", { csv: await file!.text(), source }),
    onSuccess: () => refresh(),
  });
  const errors = (upload.error as { body?: { errors?: Record<string, string> } } | null)?.body?.errors;
  return (
    <Box component="section" aria-label={translate("jj.population.import")} sx={{ p: 2, display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
      <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
        {file ? file.name : translate("jj.population.choose_file")}
        <input hidden type="file" accept=".csv,text/csv" aria-label={translate("jj.population.choose_file")}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Button>
      <MuiTextField size="small" label={translate("jj.population.source")} value={source} onChange={(e) => setSource(e.target.value)} />
      <Button variant="contained" disabled={!file || upload.isPending} onClick={() => upload.mutate()}>
        {translate("jj.population.import")}
      </Button>
      <Box role="status" aria-live="polite" sx={{ width: "100%" }}>
        {upload.isSuccess && <Alert severity="success">{translate("jj.population.imported", { rows: upload.data.rows })}</Alert>}
        {upload.isError && (
          <Alert severity="error">{errors?.file ?? String((upload.error as Error).message)}</Alert>
        )}
      </Box>
    </Box>
  );
}

function ListActions() {
  const { canAccess } = useCanAccess({ resource: "child-population", action: "create" });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
}

export function PopulationList() {
  const { canAccess } = useCanAccess({ resource: "child-population", action: "create" });
  return (
    <List empty={false} actions={<ListActions />} pagination={false} perPage={1000} sort={{ field: "year", order: "DESC" }}>
      {canAccess && <ProfileForm />}
      {canAccess && <PopulationImport />}
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <NumberField source="year" options={{ useGrouping: false }} label="jj.population.year" sortable={false} />
        <SelectField source="sex" choices={SEXES} label="jj.fields.sex" sortable={false} />
        <SelectField source="age_group" choices={AGE_GROUPS} label="jj.population.age_group" sortable={false} />
        <NumberField source="count" label="jj.population.count" sortable={false} />
        <TextField source="source" label="jj.population.source" sortable={false} />
      </Datagrid>
    </List>
  );
}

export function PopulationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <NumberInput source="year" label="jj.population.year" validate={required()} />
        <SelectInput source="sex" choices={SEXES} label="jj.fields.sex" validate={required()} />
        <SelectInput source="age_group" choices={AGE_GROUPS} label="jj.population.age_group" validate={required()} />
        <NumberInput source="count" label="jj.population.count" min={0} validate={required()} />
        <TextInput source="source" label="jj.population.source" />
      </SimpleForm>
    </Create>
  );
}
