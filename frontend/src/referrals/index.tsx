import { Datagrid, List, TextField } from "react-admin";

import { ZonedDateField } from "../layout/ZonedDateField";

/** Children below the minimum age (MACR-1) or alleged only a status offence (STA-1): child protection, not a case. */
export function ProtectionReferralList() {
  return (
    <List empty={false} sort={{ field: "created_at", order: "DESC" }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <ZonedDateField source="created_at" label="jj.fields.occurred_at" />
        <TextField source="child" label="jj.fields.child" sortable={false} />
        <TextField source="reason" sortable={false} />
      </Datagrid>
    </List>
  );
}
