import { BooleanField, Datagrid, List, NumberField, SelectField, TextField } from "react-admin";

const KIND = [
  { id: "police_station", name: "Police station" },
  { id: "court_holding", name: "Court holding cell" },
  { id: "juvenile_detention", name: "Juvenile detention centre" },
  { id: "juvenile_residential", name: "Juvenile residential facility" },
  { id: "adult_prison", name: "Adult prison or jail" },
  { id: "other", name: "Other" },
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
