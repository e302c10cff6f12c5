/** Workflow steps on a case: charge, sentence, diversion. Each is its own endpoint; refusals show their rules. */
import { Box, Button } from "@mui/material";
import {
  ArrayInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from "react-admin";
import type { FieldValues } from "react-hook-form";
import { Link } from "react-router-dom";

import { useCan } from "../capabilities";
import { ActionForm } from "../custody/ActionForm";
import {
  assignmentRoleEnumValues,
  diversionStageEnumValues,
  optionEnumValues,
  sentenceReviewOutcomeEnumValues,
  sentenceTypeEnumValues,
} from "../api/schema.generated";
import { choicesOf } from "../api";

// The prohibited sentences (SEN-1..4: death, corporal punishment, forced labour, life without release) are in the
// schema's enum so that the server can refuse them with a citation; the form does not offer them.
const PROHIBITED = new Set(["forced_labour", "life_without_parole", "death", "corporal"]);
const SENTENCE_TYPES = choicesOf(
  sentenceTypeEnumValues.filter((type) => !PROHIBITED.has(type)),
  "jj.choices.sentence_type",
);
const NON_CUSTODIAL = choicesOf(optionEnumValues, "jj.choices.non_custodial");
const ASSIGNMENT_ROLES = choicesOf(assignmentRoleEnumValues, (role) => `jj.case.role_${role}`);
const SENTENCE_REVIEW_OUTCOMES = choicesOf(sentenceReviewOutcomeEnumValues, "jj.choices.sentence_review_outcome");
const STAGES = choicesOf(diversionStageEnumValues, "jj.choices.stage");

interface CaseRecord {
  id: number;
  status: string;
  version: number;
}

export function CaseActions() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const can = useCan();
  if (!record) return null;
  const open = !["closed", "closed_final", "sentenced"].includes(record.status);
  // No custody starts on a case in diversion or closed; a sentenced case may start its sentenced detention.
  const custodyMayStart = !["closed", "closed_final", "diverted"].includes(record.status);
  const withVersion = (values: FieldValues) => ({ ...values, version: record.version });
  return (
    <Box sx={{ my: 2 }}>
      {can("custody.start") && custodyMayStart && (
        <Box sx={{ display: "flex", gap: 1, mb: 1 }}>
          <Button
            data-testid="start-custody"
            variant="outlined"
            component={Link}
            to={`/custody-episodes/create?source=${encodeURIComponent(JSON.stringify({ case: record.id }))}`}
          >
            {translate("jj.labels.start_custody")}
          </Button>
        </Box>
      )}
      {open && (
        <ActionForm action="case.supervise" title="jj.case.assign" path={`/cases/${record.id}/assignments/`} testId="form-assign"
          defaultValues={{ role: "legal_counsel" }}>
          <ReferenceInput source="user" reference="staff">
            <SelectInput optionText={(u: { display_name: string; role: string; agency_name: string | null }) =>
              `${u.display_name} (${u.role}, ${u.agency_name ?? ""})`} label="jj.case.person" validate={required()} />
          </ReferenceInput>
          <SelectInput source="role" choices={ASSIGNMENT_ROLES} label="jj.case.as_role" validate={required()} />
          <FormDataConsumer>
            {({ formData }) =>
              formData.role === "legal_counsel" && <BooleanInput source="legal_aid" label="jj.case.legal_aid" />
            }
          </FormDataConsumer>
        </ActionForm>
      )}
      {open && (
        <ActionForm action="case.record" title="jj.case.interview" path={`/cases/${record.id}/interviews/`} testId="form-interview"
          defaultValues={{ at: new Date().toISOString() }}>
          <DateTimeInput source="at" label="jj.fields.occurred_at" validate={required()} />
          <TextInput source="conducted_by" label="jj.case.conducted_by" validate={required()} />
          <BooleanInput source="lawyer_present" label="jj.case.lawyer_present" />
          <BooleanInput source="lawyer_waived" label="jj.case.lawyer_waived" />
          <BooleanInput source="waiver_under_judicial_supervision" label="jj.case.waiver_under_judicial_supervision" />
          <BooleanInput source="appropriate_adult_present" label="jj.case.appropriate_adult_present" />
          <TextInput source="appropriate_adult_relationship" label="jj.case.appropriate_adult_relationship" />
          <TextInput source="appropriate_adult_absence_reason" label="jj.case.appropriate_adult_absence_reason"
            multiline fullWidth />
          <BooleanInput source="interpreter_present" label="jj.case.interpreter_present" />
          <BooleanInput source="audio_visual_recorded" label="jj.case.audio_visual_recorded" />
          <TextInput source="accommodation_provided" label="jj.custody.accommodation_provided" multiline fullWidth />
        </ActionForm>
      )}
      {open && (
        <ActionForm action="diversion.record" title="jj.case.offer_diversion" path="/diversion-referrals/" testId="form-offer-diversion"
          defaultValues={{ stage: record.status === "charged" ? "charge" : "intake" }}
          transform={(values) => ({ ...values, case: record.id })}>
          <ReferenceInput source="programme" reference="diversion-programmes">
            <SelectInput optionText="name" label="jj.diversion.programme" validate={required()} />
          </ReferenceInput>
          <SelectInput source="stage" choices={STAGES} label="jj.diversion.stage" validate={required()} />
          <TextInput source="child_views" label="jj.custody.child_views" multiline fullWidth />
          <TextInput source="views_not_heard_reason" label="jj.custody.views_not_heard_reason" multiline fullWidth />
          <DateTimeInput source="occurred_at" label="jj.fields.happened_at" helperText="jj.fields.happened_at_help" />
        </ActionForm>
      )}
      {record.status === "open" && (
        <ActionForm action="case.record" title="jj.case.charge" path={`/cases/${record.id}/charge/`} testId="form-charge" transform={withVersion}>
          <TextInput source="diversion_not_offered_reason" label="jj.case.diversion_not_offered_reason" multiline fullWidth />
          <TextInput source="individual_assessment" label="jj.case.individual_assessment" multiline fullWidth />
          <TextInput source="justification" label="jj.custody.justification" multiline fullWidth />
          <TextInput source="armed_forces_justification" label="jj.custody.armed_forces_justification" multiline fullWidth />
          <TextInput source="no_counsel_justification" label="jj.custody.no_counsel_justification" multiline fullWidth />
          <DateTimeInput source="occurred_at" label="jj.fields.happened_at" helperText="jj.fields.happened_at_help" />
        </ActionForm>
      )}
      {open && (
        <ActionForm action="case.court_decision" title="jj.case.sentence" path={`/cases/${record.id}/sentences/`} testId="form-sentence"
          defaultValues={{ non_custodial_options_considered: [] }}>
          <SelectInput source="sentence_type" choices={SENTENCE_TYPES} label="jj.fields.kind" validate={required()} />
          <DateTimeInput source="imposed_at" label="jj.fields.occurred_at" />
          <NumberInput source="length_months" label="jj.case.length_months" min={1} />
          <DateInput source="parole_eligibility_date" label="jj.case.parole_eligibility_date" />
          <ArrayInput source="non_custodial_options_considered" label="jj.case.options_considered">
            <SimpleFormIterator inline>
              <SelectInput source="option" choices={NON_CUSTODIAL} label="jj.custody.alternative" validate={required()} />
              <TextInput source="reason_rejected" label="jj.custody.reason_rejected" validate={required()} />
            </SimpleFormIterator>
          </ArrayInput>
          <TextInput source="justification" label="jj.custody.justification" multiline fullWidth />
          <BooleanInput source="mandatory_minimum_applied" label="jj.case.mandatory_minimum" />
          <TextInput source="court" label="jj.custody.authority" />
          <TextInput source="child_views" label="jj.custody.child_views" multiline fullWidth />
          <TextInput source="views_not_heard_reason" label="jj.custody.views_not_heard_reason" multiline fullWidth />
          <TextInput source="no_counsel_justification" label="jj.custody.no_counsel_justification" multiline fullWidth />
        </ActionForm>
      )}
      {record.status === "sentenced" && (
        // SEN-4: the authority's review of a custodial sentence for early release meets the review deadline; the
        // server refuses it for a sentence that deprives no liberty.
        <ActionForm action="case.court_decision" title="jj.case.sentence_review" path={`/cases/${record.id}/sentence-reviews/`}
          testId="form-sentence-review" defaultValues={{ outcome: "continued" }}>
          <SelectInput source="outcome" choices={SENTENCE_REVIEW_OUTCOMES} label="jj.fields.outcome" validate={required()} />
          <DateTimeInput source="reviewed_at" label="jj.fields.occurred_at" />
          <TextInput source="authority" label="jj.custody.authority" validate={required()} />
          <TextInput source="reasons" label="jj.case.sentence_review_reasons" multiline fullWidth validate={required()} />
        </ActionForm>
      )}
    </Box>
  );
}
