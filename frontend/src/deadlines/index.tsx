import { BooleanField, List, SelectInput, TextField, TextInput, type RaRecord } from "react-admin";

import { ExportingListActions } from "../layout/ServerExportButtons";
import { ZonedDateField } from "../layout/ZonedDateField";
import { ResponsiveDatagrid } from "../layout/ResponsiveDatagrid";

const BUCKETS = [
  { id: "overdue", name: "jj.choices.bucket.overdue" },
  { id: "due_24h", name: "jj.choices.bucket.due_24h" },
  { id: "due_week", name: "jj.choices.bucket.due_week" },
  { id: "open", name: "jj.choices.bucket.open" },
  { id: "met", name: "jj.choices.bucket.met" },
];

const filters = [
  <SelectInput source="bucket" choices={BUCKETS} key="bucket" alwaysOn label="jj.fields.status" />,
  <TextInput source="rule_id" key="rule_id" label="jj.fields.rule_id" />,
];

/** The case, or for REC-3's removal review (a sealed child: no case page) the page where it is decided. */
function rowLink(record: RaRecord): string {
  return record.subject_type === "records_removal_review" ? "/removal-reviews" : `/cases/${record.case}/show`;
}

/** Every deadline in the caller's scope; overdue is computed from the data, never from a background job. */
export function DeadlineList() {
  return (
    <List empty={false} filters={filters} filterDefaultValues={{ bucket: "open" }} sort={{ field: "due_at", order: "ASC" }}
      exporter={false} actions={<ExportingListActions />}>
      <ResponsiveDatagrid rowClick={(_id, _resource, record) => rowLink(record)} primary="description"
        secondary={<ZonedDateField source="due_at" />} tertiary="case_reference">
        <ZonedDateField source="due_at" label="jj.fields.due_at" />
        <TextField source="rule_id" label="jj.fields.rule_id" sortable={false} />
        <TextField source="description" label="jj.fields.description" sortable={false} />
        <TextField source="child_display" label="jj.fields.child" sortable={false} />
        <TextField source="case_reference" label="jj.fields.reference" sortable={false} />
        <BooleanField source="overdue" sortable={false} />
        <BooleanField source="priority" sortable={false} />
      </ResponsiveDatagrid>
    </List>
  );
}
