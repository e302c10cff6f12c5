/** REC-1 rectification: the child, through counsel or a guardian, contests a fact or an opinion in the file
 * (Havana Rules r. 19). Those acting for the child record the contest; a supervisor who did not record it decides,
 * and an upheld contest about a field corrects it. A rejected contest stays in the file beside what it disputes. */
import { Box, Typography } from "@mui/material";
import {
  Datagrid,
  DateField,
  ReferenceManyField,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
  WithListContext,
} from "react-admin";

import { useCan } from "../capabilities";
import { ActionForm } from "../custody/ActionForm";
import { choicesOf } from "../api";
import { fieldEnumValues } from "../api/schema.generated";

const SUBJECTS = ["personal_details", "age", "offence", "custody", "assessment", "other"].map((id) => ({
  id,
  name: `jj.contest.subjects.${id}`,
}));
const RAISED_BY = ["child", "guardian", "legal_counsel"].map((id) => ({ id, name: `jj.contest.raised_by_choices.${id}` }));
const STATUSES = ["pending", "upheld", "partly_upheld", "rejected"].map((id) => ({
  id,
  name: `jj.contest.statuses.${id}`,
}));
const DECISIONS = STATUSES.filter((s) => s.id !== "pending");
// The facts of the child's record a decision may correct: the server's list (the schema's enum).
const FIELDS = choicesOf(fieldEnumValues, "jj.contest.fields");


interface Contest {
  id: number;
  version: number;
  status: string;
  field: string;
  statement: string;
}

function DecideContest({ contest }: { contest: Contest }) {
  const translate = useTranslate();
  const about = contest.statement.length > 60 ? `${contest.statement.slice(0, 60)}…` : contest.statement;
  return (
    <ActionForm action="record_contest.decide" title={`${translate("jj.contest.decide")}: ${about}`} path={`/record-contests/${contest.id}/decision/`}
      testId={`form-decide-contest-${contest.id}`} transform={(v) => ({ ...v, version: contest.version })}>
      <SelectInput source="status" label="jj.contest.decision" choices={DECISIONS} validate={required()} />
      <TextInput source="decision_reason" label="jj.contest.decision_reason" multiline validate={required()} />
      {contest.field && <TextInput source="corrected_value" label="jj.contest.corrected_value"
        helperText="jj.contest.corrected_value_help" />}
    </ActionForm>
  );
}

export function RecordContests() {
  const child = useRecordContext<{ id: number }>();
  const can = useCan();
  const translate = useTranslate();
  // The file's contests are read by those who may record one (the capability table's row says both).
  if (!child || !can("record_contest.open")) return null;
  return (
    <Box data-testid="record-contests">
      <Typography variant="h6" component="h2">{translate("jj.contest.title")}</Typography>
      <ReferenceManyField reference="record-contests" target="child" sort={{ field: "created_at", order: "DESC" }}>
        <Datagrid bulkActionButtons={false} rowClick={false}
          empty={<Typography variant="body2">{translate("jj.contest.none")}</Typography>}>
          <DateField source="created_at" label="jj.contest.recorded" />
          <SelectField source="subject" label="jj.contest.subject" choices={SUBJECTS} />
          <SelectField source="field" label="jj.contest.field" choices={FIELDS} emptyText="-" />
          <TextField source="statement" label="jj.contest.statement" />
          <SelectField source="raised_by" label="jj.contest.raised_by" choices={RAISED_BY} />
          <SelectField source="status" label="jj.contest.status" choices={STATUSES} />
          <TextField source="decision_reason" label="jj.contest.decision_reason" emptyText="-" />
        </Datagrid>
      </ReferenceManyField>
      {can("record_contest.decide") && (
        // A supervisor decides the pending ones, each in its own form (the server refuses their own contests).
        <ReferenceManyField reference="record-contests" target="child" filter={{ status: "pending" }}>
          <WithListContext<Contest> render={({ data }) => (
            <>{(data ?? []).map((contest) => <DecideContest key={contest.id} contest={contest} />)}</>
          )} />
        </ReferenceManyField>
      )}
      <ActionForm action="record_contest.open" title="jj.contest.open" path="/record-contests/" testId="form-record-contest"
        transform={(v) => ({ ...v, child: child.id })}>
        <SelectInput source="subject" label="jj.contest.subject" choices={SUBJECTS} validate={required()} />
        <SelectInput source="field" label="jj.contest.field" choices={FIELDS} emptyText="jj.contest.no_field" />
        <TextInput source="statement" label="jj.contest.statement" multiline validate={required()} />
        <SelectInput source="raised_by" label="jj.contest.raised_by" choices={RAISED_BY} validate={required()} />
      </ActionForm>
    </Box>
  );
}
