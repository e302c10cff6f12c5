import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
} from "react-admin";

const KIND = [
  { id: "police_station", name: "jj.choices.facility_kind.police_station" },
  { id: "court_holding", name: "jj.choices.facility_kind.court_holding" },
  { id: "juvenile_detention", name: "jj.choices.facility_kind.juvenile_detention" },
  { id: "juvenile_residential", name: "jj.choices.facility_kind.juvenile_residential" },
  { id: "adult_prison", name: "jj.choices.facility_kind.adult_prison" },
  { id: "other", name: "jj.choices.facility_kind.other" },
];

export function FacilityList() {
  return (
    <List empty={false} sort={{ field: "name", order: "ASC" }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <SelectField source="kind" choices={KIND} label="jj.fields.kind" />
        <NumberField source="occupancy" label="jj.fields.occupancy" />
        <NumberField source="capacity" label="jj.fields.capacity" />
        <BooleanField source="children_wholly_separated" label="jj.labels.separated" />
      </Datagrid>
    </List>
  );
}

export function FacilityCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ kind: "juvenile_detention", children_wholly_separated: true, separated_by_sex: true }}>
        <TextInput source="name" validate={required()} />
        <SelectInput source="kind" choices={KIND} label="jj.fields.kind" validate={required()} />
        <NumberInput source="capacity" label="jj.fields.capacity" min={0} validate={required()} />
        <ReferenceInput source="operator" reference="agencies">
          <SelectInput optionText="name" label="jj.facility.operator" validate={required()} />
        </ReferenceInput>
        <BooleanInput source="children_wholly_separated" label="jj.labels.separated" />
        <BooleanInput source="separated_by_sex" label="jj.facility.separated_by_sex" />
        <BooleanInput source="has_complaints_mechanism" label="jj.facility.complaints" />
        <TextInput source="city" />
      </SimpleForm>
    </Create>
  );
}
