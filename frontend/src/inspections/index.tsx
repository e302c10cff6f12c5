import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  ArrayInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  List,
  NumberField,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextField,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";

import type { Schemas } from "../api";
import { useCan } from "../capabilities";
import type { dataProvider as provider } from "../dataProvider";
import { DecisionItem } from "../decisions/DecisionList";
import type { Decision } from "../http";

/** A row of /facilities/inspection-status/ (the schema leaves its rows untyped). */
interface StatusRow {
  facility: number;
  name: string;
  last_inspection_on: string | null;
  last_unannounced_on: string | null;
  decisions: Decision[];
}

/** DET-11 per facility: which places of detention lack an unannounced inspection. */
function InspectionStatus() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<typeof provider>();
  const status = useQuery({
    queryKey: ["facilities", "inspection-status"],
    queryFn: () => dataProvider.get<{ results: StatusRow[] }>("/facilities/inspection-status/"),
  });
  const rows = status.data?.results ?? [];
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h6" component="h2">{translate("jj.inspections.status")}</Typography>
      {rows.map((row) => (
        <Box key={row.facility}>
          <Typography variant="subtitle2" component="h3">{row.name}</Typography>
          {row.decisions.map((d) => (
            <DecisionItem key={d.rule_id} decision={{ ...d, unmet: false }} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

type InspectionRecord = Schemas["Inspection"];

/** DET-11 as amended: the monitoring body records that it followed up its recommendations. */
export function FollowUpButton() {
  const record = useRecordContext<InspectionRecord>();
  const can = useCan();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<typeof provider>();
  const [open, setOpen] = useState(false);
  const [doneOn, setDoneOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState("");
  const followUp = useMutation({
    mutationFn: (inspection: number) =>
      dataProvider.post(`/inspections/${inspection}/follow-up/`, { done_on: doneOn, note } satisfies Schemas["InspectionFollowUpRequest"]),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: "error" }),
  });
  if (!record || !can("inspection.record") || !record.follow_up_due || record.follow_up_done_on) return null;
  const submit = () => followUp.mutate(record.id);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-action="inspection.record">
        {translate("jj.inspections.record_follow_up")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`follow-up-${record.id}`}>
        <DialogTitle id={`follow-up-${record.id}`}>{translate("jj.inspections.record_follow_up")}</DialogTitle>
        <DialogContent>
          <MuiTextField
            type="date"
            label={translate("jj.inspections.follow_up_done_on")}
            value={doneOn}
            onChange={(e) => setDoneOn(e.target.value)}
            margin="dense"
            fullWidth
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <MuiTextField
            label={translate("jj.inspections.follow_up_note")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            margin="dense"
            fullWidth
            multiline
            required
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button onClick={submit} disabled={!note.trim()} variant="contained">{translate("ra.action.save")}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export function InspectionList() {
  return (
    <List empty={false} sort={{ field: "visited_on", order: "DESC" }} aside={<Box sx={{ width: 360, marginInlineStart: 2 }}><InspectionStatus /></Box>}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="facility_name" label="jj.fields.facility" sortable={false} />
        <DateField source="visited_on" label="jj.inspections.visited_on" />
        <TextField source="body" label="jj.inspections.body" sortable={false} />
        <BooleanField source="unannounced" label="jj.inspections.unannounced" sortable={false} />
        <NumberField source="children_interviewed" label="jj.inspections.children_interviewed" sortable={false} />
        <DateField source="follow_up_due" label="jj.inspections.follow_up_due" emptyText="-" sortable={false} />
        <DateField source="follow_up_done_on" label="jj.inspections.follow_up_done_on" emptyText="-" sortable={false} />
        <FollowUpButton />
      </Datagrid>
    </List>
  );
}

export function InspectionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ unannounced: true, private_interviews_held: true, recommendations: [] }}>
        <ReferenceInput source="facility" reference="facilities">
          <SelectInput optionText="name" label="jj.fields.facility" validate={required()} />
        </ReferenceInput>
        <DateInput source="visited_on" label="jj.inspections.visited_on" validate={required()} />
        <TextInput source="body" label="jj.inspections.body" validate={required()} />
        <BooleanInput source="unannounced" label="jj.inspections.unannounced" />
        <BooleanInput source="private_interviews_held" label="jj.inspections.private_interviews" />
        <NumberInput source="children_interviewed" label="jj.inspections.children_interviewed" min={0} />
        <TextInput source="findings" label="jj.inspections.findings" multiline fullWidth />
        <ArrayInput source="recommendations" label="jj.inspections.recommendations">
          <SimpleFormIterator>
            <TextInput source="" label="jj.inspections.recommendation" />
          </SimpleFormIterator>
        </ArrayInput>
        <DateInput source="follow_up_due" label="jj.inspections.follow_up_due" />
      </SimpleForm>
    </Create>
  );
}
