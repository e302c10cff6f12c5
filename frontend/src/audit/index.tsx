import { Datagrid, DateTimeInput, List, SelectField, SelectInput, TextField, TextInput } from "react-admin";

import { ZonedDateField } from "../layout/ZonedDateField";
import { auditOutcomeEnumValues } from "../api/schema.generated";
import { choicesOf } from "../api";

const OUTCOME = choicesOf(auditOutcomeEnumValues, "jj.audit.outcome");

const filters = [
  <TextInput source="action" key="action" label="jj.fields.action" />,
  <TextInput source="rule_id" key="rule_id" label="jj.fields.rule_id" />,
  <SelectInput source="outcome" choices={OUTCOME} key="outcome" label="jj.fields.outcome" />,
  <DateTimeInput source="occurred_after" key="after" />,
  <DateTimeInput source="occurred_before" key="before" />,
];

/** The audit trail as stored: children appear only as pseudonyms (child_ref). */
export function AuditEventList() {
  return (
    <List empty={false} filters={filters} sort={{ field: "seq", order: "DESC" }} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="seq" label="#" />
        <ZonedDateField source="occurred_at" label="jj.fields.occurred_at" />
        <TextField source="actor_username" label="jj.fields.actor" />
        <TextField source="actor_role" />
        <TextField source="action" label="jj.fields.action" />
        <TextField source="object_type" />
        <TextField source="object_id" />
        <TextField source="child_ref" label="jj.fields.pseudonym" />
        <SelectField source="outcome" choices={OUTCOME} label="jj.fields.outcome" />
      </Datagrid>
    </List>
  );
}
