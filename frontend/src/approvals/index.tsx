/** Justifications a supervisor must approve before the action takes effect (never their own). */
import { Button, Stack } from "@mui/material";
import { Datagrid, List, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";

import { dataProvider } from "../dataProvider";
import { ZonedDateField } from "../layout/ZonedDateField";

function DecideButtons() {
  const record = useRecordContext<{ id: number; status: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  if (!record || record.status !== "pending") return null;
  const decide = (approve: boolean) => async () => {
    try {
      await dataProvider.post(`/approvals/${record.id}/decide/`, { approve });
      notify("jj.custody.saved", { type: "success" });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: "error" });
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" variant="contained" onClick={decide(true)}>{translate("jj.labels.approve")}</Button>
      <Button size="small" variant="outlined" onClick={decide(false)}>{translate("jj.labels.reject")}</Button>
    </Stack>
  );
}

export function ApprovalList() {
  return (
    <List empty={false} filterDefaultValues={{ status: "pending" }} sort={{ field: "created_at", order: "DESC" }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="case_reference" label="jj.fields.reference" sortable={false} />
        <TextField source="action" label="jj.fields.action" sortable={false} />
        <TextField source="rule_ids" label="jj.fields.rule_id" sortable={false} />
        <TextField source="justification" label="jj.custody.justification" sortable={false} />
        <TextField source="requested_by_username" label="jj.fields.actor" sortable={false} />
        <ZonedDateField source="created_at" label="jj.fields.occurred_at" />
        <TextField source="status" label="jj.fields.status" sortable={false} />
        <DecideButtons />
      </Datagrid>
    </List>
  );
}
