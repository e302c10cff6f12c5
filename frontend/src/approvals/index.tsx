/** Justifications a supervisor must approve before the action takes effect (never their own). */
import { Button, Stack } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { Datagrid, List, TextField, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";

import type { dataProvider as provider } from "../dataProvider";
import { ZonedDateField } from "../layout/ZonedDateField";

function DecideButtons() {
  const record = useRecordContext<{ id: number; status: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const dataProvider = useDataProvider<typeof provider>();
  const decision = useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      dataProvider.post(`/approvals/${id}/decide/`, { approve }),
    onSuccess: () => {
      notify("jj.custody.saved", { type: "success" });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: "error" }),
  });
  if (!record || record.status !== "pending") return null;
  const decide = (approve: boolean) => () => decision.mutate({ id: record.id, approve });
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
