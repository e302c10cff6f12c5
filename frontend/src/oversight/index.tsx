import { BooleanField, Datagrid, DateTimeInput, List, SelectField, SelectInput, TextField, TextInput } from "react-admin";

import { ZonedDateField } from "../layout/ZonedDateField";

const DECISION_OUTCOME = ["allow", "warn", "require_justification", "block"].map((id) => ({
  id,
  name: `jj.decisions.outcome.${id}`,
}));

const filters = [
  <TextInput source="rule_id" key="rule_id" label="jj.fields.rule_id" alwaysOn />,
  <SelectInput source="outcome" choices={DECISION_OUTCOME} key="outcome" label="jj.fields.outcome" />,
  <SelectInput source="justified" choices={[{ id: "true", name: "ra.boolean.true" }, { id: "false", name: "ra.boolean.false" }]} key="justified" label="jj.oversight.justified" />,
  <TextInput source="agency" key="agency" label="jj.oversight.agency" />,
  <DateTimeInput source="decided_after" key="after" label="jj.oversight.after" />,
  <DateTimeInput source="decided_before" key="before" label="jj.oversight.before" />,
];

/** Every decision of the rules engine in the jurisdiction, children as pseudonyms. */
export function OversightDecisionList() {
  return (
    <List empty={false} filters={filters} sort={{ field: "decided_at", order: "DESC" }} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <ZonedDateField source="decided_at" label="jj.fields.occurred_at" />
        <TextField source="rule_id" label="jj.fields.rule_id" />
        <SelectField source="outcome" choices={DECISION_OUTCOME} label="jj.fields.outcome" sortable={false} />
        <TextField source="child_ref" label="jj.fields.pseudonym" sortable={false} />
        <TextField source="actor_username" label="jj.fields.actor" sortable={false} />
        <BooleanField source="below_standard" label="jj.decisions.below_standard" sortable={false} />
        <TextField source="message" sortable={false} />
      </Datagrid>
    </List>
  );
}
