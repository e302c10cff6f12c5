import { Box, Stack, Typography } from "@mui/material";
import {
  ArrayField,
  ArrayInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  DateTimeInput,
  Labeled,
  List,
  RecordContextProvider,
  NumberField,
  ReferenceInput,
  SelectArrayInput,
  SelectField,
  ShowButton,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from "react-admin";

import { DecisionList } from "../decisions/DecisionList";
import { EmptyText } from "../layout/EmptyText";
import { ResponsiveDatagrid, SUB_TABLE_SX } from "../layout/ResponsiveDatagrid";
import { useRuleErrors } from "../decisions/useRuleErrors";
import { ZonedDateField } from "../layout/ZonedDateField";
import type { Decision } from "../http";
import { ActionForm } from "./ActionForm";
import { DocumentsPanel } from "../documents/DocumentsPanel";
import { allegationKindEnumValues, challengeDecisionOutcomeEnumValues, eventEnumValues, methodEnumValues, reasonEnumValues } from "../api/schema.generated";
import { choicesOf } from "../api";

const EPISODE_KIND = [
  { id: "police_custody", name: "jj.choices.episode_kind.police_custody" },
  { id: "pretrial_detention", name: "jj.choices.episode_kind.pretrial_detention" },
  { id: "sentenced_detention", name: "jj.choices.episode_kind.sentenced_detention" },
];
// Pretrial detention is never started directly: it begins with a detention order on the episode (PTD-2).
const START_KIND = EPISODE_KIND.filter((kind) => kind.id !== "pretrial_detention");
const GROUNDS = [
  { id: "court_appearance", name: "jj.choices.grounds.court_appearance" },
  { id: "danger_to_others", name: "jj.choices.grounds.danger_to_others" },
  { id: "danger_to_self", name: "jj.choices.grounds.danger_to_self" },
  { id: "family_ties", name: "jj.choices.grounds.family_ties" },
  { id: "other", name: "jj.choices.grounds.other" },
];
const APPEARANCE_KIND = [
  { id: "first_appearance", name: "jj.choices.appearance_kind.first_appearance" },
  { id: "review", name: "jj.choices.appearance_kind.review" },
];
const APPEARANCE_OUTCOME = [
  { id: "detention_continued", name: "jj.choices.appearance_outcome.detention_continued" },
  { id: "released", name: "jj.choices.appearance_outcome.released" },
];
const INCIDENT_KIND = [
  { id: "restraint", name: "jj.choices.incident_kind.restraint" },
  { id: "use_of_force", name: "jj.choices.incident_kind.use_of_force" },
  { id: "separation", name: "jj.choices.incident_kind.separation" },
  { id: "isolation", name: "jj.choices.incident_kind.isolation" },
  { id: "medical_isolation", name: "jj.choices.incident_kind.medical_isolation" },
  { id: "disciplinary", name: "jj.choices.incident_kind.disciplinary" },
  { id: "self_harm", name: "jj.choices.incident_kind.self_harm" },
  { id: "serious_injury", name: "jj.choices.incident_kind.serious_injury" },
  { id: "death", name: "jj.choices.incident_kind.death" },
  { id: "disappearance", name: "jj.choices.incident_kind.disappearance" },
  { id: "other", name: "jj.choices.incident_kind.other" },
];
const ALLEGATION_KIND = choicesOf(allegationKindEnumValues, "jj.choices.allegation_kind");
const PURPOSE = [
  { id: "imminent_threat", name: "jj.choices.purpose.imminent_threat" },
  { id: "protection", name: "jj.choices.purpose.protection" },
  { id: "punishment", name: "jj.choices.purpose.punishment" },
  { id: "compliance", name: "jj.choices.purpose.compliance" },
];
const RELEASE_REASON = choicesOf(reasonEnumValues, "jj.choices.release_reason");
const NOTIFICATION_EVENT = choicesOf(eventEnumValues, "jj.custody.notification_event");
const NOTIFICATION_METHOD = choicesOf(methodEnumValues, "jj.custody.notification_method");

const CHALLENGE_OUTCOME = choicesOf(challengeDecisionOutcomeEnumValues, "jj.custody.challenge_outcome");
const ORDER_KIND = [
  { id: "pretrial_detention", name: "jj.choices.episode_kind.pretrial_detention" },
  { id: "electronic_monitoring", name: "jj.choices.order_kind.electronic_monitoring" },
];

const CONTACT_KIND = [
  { id: "visit", name: "jj.choices.contact_kind.visit" },
  { id: "call", name: "jj.choices.contact_kind.call" },
  { id: "letter", name: "jj.choices.contact_kind.letter" },
  { id: "video_call", name: "jj.choices.contact_kind.video_call" },
];

export function EpisodeList() {
  return (
    <List empty={false} filterDefaultValues={{ open: true }} sort={{ field: "started_at", order: "DESC" }}>
      <ResponsiveDatagrid rowClick="show" primary="child_display" secondary="case_reference" tertiary="facility_name">
        <TextField source="child_display" label="jj.fields.child" sortable={false} />
        <TextField source="case_reference" label="jj.fields.reference" sortable={false} />
        <SelectField source="kind" choices={EPISODE_KIND} label="jj.fields.kind" sortable={false} />
        <TextField source="facility_name" label="jj.fields.facility" sortable={false} />
        <ZonedDateField source="started_at" label="jj.fields.started_at" />
        <NumberField source="elapsed_hours" label="jj.fields.elapsed" sortable={false} />
        <BooleanField source="mandatory_release_flag" label="jj.labels.ptd6" sortable={false} />
        <ShowButton />
      </ResponsiveDatagrid>
    </List>
  );
}

/** REI-1 after release: the aftercare plan the release did not carry (its deadline is on the worklist). */
function AftercareForm({ base }: { base: string }) {
  return (
    <ActionForm action="custody.aftercare_plan" title="jj.custody.aftercare_plan" path={`${base}aftercare-plans/`} testId="form-aftercare-plan"
      defaultValues={{ made_at: new Date().toISOString(), items: {} }}>
      <DateTimeInput source="made_at" label="jj.fields.occurred_at" validate={required()} />
      <TextInput source="responsible" label="jj.custody.responsible" validate={required()} />
      <BooleanInput source="items.education" label="jj.custody.aftercare_education" />
      <BooleanInput source="items.vocational_training" label="jj.custody.aftercare_vocational" />
      <BooleanInput source="items.health" label="jj.custody.aftercare_health" />
      <BooleanInput source="items.mental_health" label="jj.custody.aftercare_mental_health" />
      <BooleanInput source="items.substance_use" label="jj.custody.aftercare_substance_use" />
      <BooleanInput source="items.family_support" label="jj.custody.aftercare_family" />
      <TextInput source="items.notes" label="jj.diversion.provider_note" multiline fullWidth />
    </ActionForm>
  );
}

interface AllegationRecord {
  id: number;
  allegation_kind: string;
  investigation_opened_at: string | null;
  investigation_body?: string;
}

/** ILL-1: each allegation of ill-treatment or violence, and for a supervisor the act that opens its independent
 * investigation (meets the deadline on the worklist). Shown after release too: an investigation outlives custody. */
function Allegations({ base }: { base: string }) {
  const record = useRecordContext<{ incidents?: AllegationRecord[]; complaints?: AllegationRecord[] }>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const rows = [
    ...(record?.incidents ?? []).map((r) => ({ ...r, path: `${base}incidents/${r.id}/investigation/`, key: `incident-${r.id}` })),
    ...(record?.complaints ?? []).map((r) => ({ ...r, path: `${base}complaints/${r.id}/investigation/`, key: `complaint-${r.id}` })),
  ].filter((r) => r.allegation_kind);
  if (rows.length === 0) return null;
  return (
    <Box component="section" sx={{ my: 2 }} aria-label={translate("jj.custody.allegations")}>
      <Typography variant="h6" component="h2">{translate("jj.custody.allegations")}</Typography>
      {rows.map((r) => (
        <Box key={r.key} data-testid={`allegation-${r.key}`} sx={{ my: 1 }}>
          <Typography variant="body2">
            {translate(`jj.choices.allegation_kind.${r.allegation_kind}`)}
            {r.investigation_opened_at ? ` · ${translate("jj.custody.investigation_opened")}: ${r.investigation_body ?? ""}` : ""}
          </Typography>
          {!r.investigation_opened_at && role === "supervisor" && (
            <ActionForm action="custody.open_investigation" title="jj.custody.open_investigation" path={r.path} testId={`form-investigation-${r.key}`}>
              <TextInput source="body" label="jj.custody.investigation_body" validate={required()} fullWidth />
            </ActionForm>
          )}
        </Box>
      ))}
    </Box>
  );
}

interface EpisodeRecord {
  id: number;
  child: number;
  ended_at: string | null;
  complaints?: { id: number; subject: string; responded_at: string | null }[];
  legality_challenges?: { id: number; authority: string; decided_at: string | null }[];
}

export function EpisodeActions() {
  const record = useRecordContext<EpisodeRecord>();
  if (!record) return null;
  const base = `/custody-episodes/${record.id}/`;
  if (record.ended_at)
    return (
      <Box sx={{ my: 2 }}>
        <Allegations base={base} />
        <AftercareForm base={base} />
      </Box>
    );
  return (
    <Box sx={{ my: 2 }}>
      <Allegations base={base} />
      <ActionForm action="custody.appearance" title="jj.custody.appearance" path={`${base}appearances/`} testId="form-appearance"
        defaultValues={{ kind: "first_appearance", outcome: "detention_continued", at: new Date().toISOString() }}>
        <SelectInput source="kind" choices={APPEARANCE_KIND} validate={required()} />
        <DateTimeInput source="at" label="jj.fields.occurred_at" validate={required()} />
        <TextInput source="authority" label="jj.custody.authority" validate={required()} />
        <SelectInput source="outcome" choices={APPEARANCE_OUTCOME} label="jj.fields.outcome" validate={required()} />
        <TextInput source="justification" label="jj.custody.justification" multiline fullWidth />
        <TextInput source="accommodation_provided" label="jj.custody.accommodation_provided" multiline fullWidth />
      </ActionForm>
      <ActionForm action="custody.detention_order" title="jj.custody.detention_order" path={`${base}detention-orders/`} testId="form-detention-order"
        defaultValues={{ kind: "pretrial_detention", grounds: [], alternatives_considered: [] }}>
        <SelectArrayInput source="grounds" choices={GROUNDS} label="jj.custody.grounds" />
        <TextInput source="legal_basis" label="jj.labels.legal_basis" validate={required()} />
        <TextInput source="judicial_authority" label="jj.custody.authority" validate={required()} />
        <ArrayInput source="alternatives_considered" label="jj.custody.alternatives">
          <SimpleFormIterator inline>
            <TextInput source="alternative" label="jj.custody.alternative" validate={required()} />
            <TextInput source="reason_rejected" label="jj.custody.reason_rejected" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="justification" label="jj.custody.justification_ptd_2" multiline fullWidth />
        <TextInput source="age_floor_justification" label="jj.custody.age_floor_justification" multiline fullWidth />
        <TextInput source="charge_delay_justification" label="jj.custody.charge_delay_justification" multiline fullWidth />
        <TextInput source="armed_forces_justification" label="jj.custody.armed_forces_justification" multiline fullWidth />
        <TextInput source="child_views" label="jj.custody.child_views" multiline fullWidth />
        <TextInput source="views_not_heard_reason" label="jj.custody.views_not_heard_reason" multiline fullWidth />
        <TextInput source="no_counsel_justification" label="jj.custody.no_counsel_justification" multiline fullWidth />
        <BooleanInput source="monetary_bail_condition" label="jj.labels.monetary_bail" />
      </ActionForm>
      <ActionForm action="custody.transfer" title="jj.custody.transfer" path={`${base}transfer/`} testId="form-transfer">
        <ReferenceInput source="facility" reference="facilities">
          <SelectInput optionText="name" label="jj.fields.facility" validate={required()} />
        </ReferenceInput>
        <TextInput source="commitment_order_reference" label="jj.custody.commitment_order" />
        <TextInput source="best_interests_justification" label="jj.custody.best_interests" multiline fullWidth />
        <TextInput source="police_cell_justification" label="jj.custody.police_cell_justification" multiline fullWidth />
        <TextInput source="mixed_facility_justification" label="jj.custody.mixed_facility_justification" multiline fullWidth />
        <BooleanInput source="protective_transfer" label="jj.custody.protective_transfer" />
        <TextInput source="child_views" label="jj.custody.child_views" multiline fullWidth />
        <TextInput source="views_not_heard_reason" label="jj.custody.views_not_heard_reason" multiline fullWidth />
        <BooleanInput source="emergency" label="jj.custody.emergency" />
      </ActionForm>
      <ActionForm action="custody.incident" title="jj.custody.incident" path={`${base}incidents/`} testId="form-incident"
        defaultValues={{ kind: "restraint", occurred_at: new Date().toISOString(), details: {} }}>
        <SelectInput source="kind" choices={INCIDENT_KIND} label="jj.fields.kind" validate={required()} />
        <DateTimeInput source="occurred_at" label="jj.fields.occurred_at" validate={required()} />
        <TextInput source="description" label="jj.fields.description" multiline fullWidth validate={required()} />
        <SelectInput source="details.purpose" choices={PURPOSE} label="jj.custody.purpose" />
        <TextInput source="details.reason" label="jj.diversion.reason" />
        <TextInput source="details.supervising_staff" label="jj.custody.supervising_staff" />
        <TextInput source="details.means_tried_first" label="jj.custody.means_tried_first" />
        <TextInput source="details.professional_in_charge" label="jj.custody.professional_in_charge" />
        <BooleanInput source="details.imminent_threat" label="jj.custody.imminent_threat" />
        <TextInput source="details.measure" label="jj.custody.measure" />
        <SelectInput source="allegation_kind" choices={ALLEGATION_KIND} label="jj.custody.allegation_kind" emptyText="-" />
      </ActionForm>
      <ActionForm action="custody.release" title="jj.custody.release" path={`${base}release/`} testId="form-release"
        defaultValues={{ reason: "judicial_order", aftercare: {} }}>
        <SelectInput source="reason" choices={RELEASE_REASON} label="jj.diversion.reason" validate={required()} />
        <BooleanInput source="aftercare.education" label="jj.custody.aftercare_education" />
        <BooleanInput source="aftercare.vocational_training" label="jj.custody.aftercare_vocational" />
        <BooleanInput source="aftercare.health" label="jj.custody.aftercare_health" />
        <BooleanInput source="aftercare.mental_health" label="jj.custody.aftercare_mental_health" />
        <BooleanInput source="aftercare.substance_use" label="jj.custody.aftercare_substance_use" />
        <BooleanInput source="aftercare.family_support" label="jj.custody.aftercare_family" />
        <TextInput source="aftercare.notes" label="jj.diversion.provider_note" multiline fullWidth />
      </ActionForm>
      <ActionForm action="custody.family_notification" title="jj.custody.family_notification" path={`${base}family-notifications/`}
        testId="form-family-notification" defaultValues={{ event: "admission", method: "phone", at: new Date().toISOString() }}>
        <SelectInput source="event" choices={NOTIFICATION_EVENT} label="jj.custody.event" validate={required()} />
        <TextInput source="person_notified" label="jj.custody.person_notified" validate={required()} />
        <SelectInput source="method" choices={NOTIFICATION_METHOD} label="jj.custody.method" validate={required()} />
        <DateTimeInput source="at" label="jj.fields.occurred_at" validate={required()} />
      </ActionForm>
      <ActionForm action="custody.health_examination" title="jj.custody.health_examination" path={`${base}health-examinations/`}
        testId="form-health-examination" defaultValues={{ at: new Date().toISOString(), gender_specific: false }}>
        <DateTimeInput source="at" label="jj.fields.occurred_at" validate={required()} />
        <TextInput source="examiner" label="jj.custody.examiner" validate={required()} />
        <BooleanInput source="gender_specific" label="jj.custody.gender_specific" />
      </ActionForm>
      <ActionForm action="custody.individual_plan" title="jj.custody.individual_plan" path={`${base}individual-plans/`} testId="form-individual-plan"
        defaultValues={{ assessed_at: new Date().toISOString() }}>
        <DateTimeInput source="assessed_at" label="jj.fields.occurred_at" validate={required()} />
        <TextInput source="assessed_by" label="jj.custody.assessed_by" validate={required()} />
        <TextInput source="needs" label="jj.custody.needs" multiline fullWidth validate={required()} />
        <TextInput source="risks" label="jj.custody.risks" multiline fullWidth />
        <TextInput source="plan" label="jj.custody.plan" multiline fullWidth validate={required()} />
      </ActionForm>
      <ActionForm action="custody.education" title="jj.custody.education_enrolment" path={`${base}education-enrolments/`} testId="form-education"
        defaultValues={{ enrolled_on: new Date().toISOString().slice(0, 10) }}>
        <DateInput source="enrolled_on" label="jj.custody.enrolled_on" validate={required()} />
        <TextInput source="provider" label="jj.custody.provider" validate={required()} />
        <TextInput source="programme" label="jj.custody.programme" />
      </ActionForm>
      <ActionForm action="custody.contact" title="jj.custody.visit" path={`${base}contacts/`} testId="form-contact"
        defaultValues={{ kind: "visit", at: new Date().toISOString(), direction: "incoming" }}>
        <SelectInput source="kind" choices={CONTACT_KIND} validate={required()} />
        <DateTimeInput source="at" label="jj.fields.occurred_at" validate={required()} />
        <TextInput source="relationship" label="jj.labels.relationship" validate={required()} />
        <TextInput source="visitor_name" label="jj.labels.name" />
      </ActionForm>
      <ActionForm action="custody.complaint" title="jj.custody.complaint" path={`${base}complaints/`}
        testId="form-complaint" defaultValues={{ lodged_at: new Date().toISOString() }}>
        <DateTimeInput source="lodged_at" label="jj.custody.lodged_at" validate={required()} />
        <TextInput source="subject" label="jj.custody.complaint_subject" multiline fullWidth validate={required()} />
        <SelectInput source="allegation_kind" choices={ALLEGATION_KIND} label="jj.custody.allegation" emptyText="-" />
      </ActionForm>
      {(record.complaints ?? []).filter((c) => !c.responded_at).map((c) => (
        <ActionForm key={c.id} action="custody.complaint_response" title="jj.custody.complaint_respond"
          path={`${base}complaints/${c.id}/respond/`} testId={`form-complaint-response-${c.id}`}>
          <Typography variant="body2" sx={{ mb: 1 }}>{c.subject}</Typography>
          <TextInput source="response" label="jj.custody.response" multiline fullWidth validate={required()} />
        </ActionForm>
      ))}
      <ActionForm action="child.guardians" title="jj.custody.guardian_add" path="/guardians/" testId="form-guardian"
        transform={(values) => ({ ...values, child: record.child })}>
        <TextInput source="name" label="jj.labels.name" validate={required()} />
        <TextInput source="relationship" label="jj.labels.relationship" validate={required()} />
        <TextInput source="phone" label="jj.custody.phone" />
        <TextInput source="email" label="jj.custody.email" type="email" />
        <TextInput source="address" label="jj.custody.address" multiline fullWidth />
      </ActionForm>
      <ActionForm action="custody.legality_challenge" title="jj.custody.legality_challenge"
        path={`${base}legality-challenges/`} testId="form-legality-challenge"
        defaultValues={{ filed_at: new Date().toISOString() }}>
        <DateTimeInput source="filed_at" label="jj.fields.occurred_at" validate={required()} />
        <TextInput source="filed_by" label="jj.custody.filed_by" validate={required()} />
        <TextInput source="authority" label="jj.custody.authority" validate={required()} />
      </ActionForm>
      {(record.legality_challenges ?? []).filter((c) => !c.decided_at).map((c) => (
        <ActionForm key={c.id} action="custody.legality_decision" title="jj.custody.legality_decision"
          path={`${base}legality-challenges/${c.id}/decide/`} testId={`form-legality-decision-${c.id}`}
          defaultValues={{ outcome: "upheld" }}>
          <Typography variant="body2" sx={{ mb: 1 }}>{c.authority}</Typography>
          <SelectInput source="outcome" choices={CHALLENGE_OUTCOME} label="jj.fields.outcome" validate={required()} />
        </ActionForm>
      ))}
    </Box>
  );
}

const APPEARANCE_OUTCOMES = ["released", "detention_continued", "charged", "decided"].map((id) => ({
  id,
  name: `jj.appearances.outcomes.${id}`,
}));

/** The release, when there is one: when and why (a court outcome "released" releases the child through the same
 * lifecycle as a release recorded by hand, in the appearance's transaction). */
function ReleaseSection() {
  const record = useRecordContext<{ release?: { at: string; reason: string } | null; ended_at?: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box data-testid="episode-release">
      <Typography variant="h6" component="h2">{translate("jj.appearances.release_title")}</Typography>
      {record.release ? (
        <RecordContextProvider value={{ id: "release", ...record.release }}>
          <Stack direction="row" spacing={3} sx={{ py: 1 }} useFlexGap flexWrap="wrap">
            <Labeled label="jj.appearances.released_at">
              <ZonedDateField source="at" />
            </Labeled>
            <Labeled label="jj.appearances.reason">
              <SelectField source="reason" choices={RELEASE_REASON} />
            </Labeled>
          </Stack>
        </RecordContextProvider>
      ) : (
        <EmptyText text={record.ended_at ? "jj.labels.nothing_recorded" : "jj.appearances.not_released"} />
      )}
    </Box>
  );
}

/** Decisions computed on read (DET-5: how long since the last family visit). */
function EpisodeChecks() {
  const record = useRecordContext<{ checks?: Decision[] }>();
  const translate = useTranslate();
  return <DecisionList decisions={(record?.checks ?? []).map((d) => ({ ...d, unmet: false }))} title={translate("jj.labels.checks")} />;
}

export function EpisodeShow() {
  const translate = useTranslate();
  return (
    <Show sx={{ "& .RaShow-main": { minWidth: 0, maxWidth: "100%" } }}>
      <SimpleShowLayout>
        <TextField source="child_display" label="jj.fields.child" />
        <TextField source="case_reference" label="jj.fields.reference" />
        <SelectField source="kind" choices={EPISODE_KIND} label="jj.fields.kind" />
        <TextField source="facility_name" label="jj.fields.facility" emptyText="-" />
        <ZonedDateField source="started_at" label="jj.fields.started_at" />
        <ZonedDateField source="first_appearance_at" label="jj.labels.first_appearance" />
        <NumberField source="elapsed_hours" label="jj.fields.elapsed" />
        <BooleanField source="mandatory_release_flag" label="jj.labels.mandatory_release" />
        <BooleanField source="evidence_frozen" label="jj.labels.evidence_hold" />
        <EpisodeChecks />
        <EpisodeActions />
        <DocumentsPanel base="custody-episodes" />
        <ReleaseSection />
        <ArrayField source="appearances" label="jj.appearances.title">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}
            data-testid="episode-appearances">
            <SelectField source="kind" choices={APPEARANCE_KIND} label="jj.appearances.kind" />
            <TextField source="authority" label="jj.appearances.authority" />
            <ZonedDateField source="at" label="jj.fields.occurred_at" />
            <SelectField source="outcome" choices={APPEARANCE_OUTCOMES} label="jj.appearances.outcome" />
          </Datagrid>
        </ArrayField>
        <Typography variant="h6" component="h2">{translate("jj.labels.placements")}</Typography>
        <ArrayField source="placements">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <TextField source="facility_name" label="jj.fields.facility" />
            <ZonedDateField source="started_at" label="jj.fields.started_at" />
            <ZonedDateField source="ended_at" label="jj.labels.ended" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="detention_orders" label="jj.labels.detention_orders">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <SelectField source="kind" choices={ORDER_KIND} label="jj.fields.kind" />
            <TextField source="judicial_authority" label="jj.custody.authority" />
            <ZonedDateField source="ordered_at" label="jj.fields.occurred_at" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="contacts" label="jj.labels.visits_calls">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <SelectField source="kind" choices={CONTACT_KIND} label="jj.fields.kind" />
            <TextField source="relationship" label="jj.labels.relationship" />
            <ZonedDateField source="at" label="jj.fields.occurred_at" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="complaints" label="jj.custody.complaints">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <ZonedDateField source="lodged_at" label="jj.custody.lodged_at" />
            <TextField source="subject" label="jj.custody.complaint_subject" />
            <ZonedDateField source="responded_at" label="jj.custody.responded_at" />
            <TextField source="response" label="jj.custody.response" emptyText="-" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="family_notifications" label="jj.custody.family_notifications">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <SelectField source="event" choices={NOTIFICATION_EVENT} label="jj.custody.event" />
            <TextField source="person_notified" label="jj.custody.person_notified" />
            <ZonedDateField source="at" label="jj.fields.occurred_at" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="health_examinations" label="jj.custody.health_examinations">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />} sx={SUB_TABLE_SX}>
            <TextField source="examiner" label="jj.custody.examiner" />
            <ZonedDateField source="at" label="jj.fields.occurred_at" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}

export function EpisodeCreate() {
  const rules = useRuleErrors();
  return (
    <Create redirect="show" mutationOptions={{ onError: rules.onError }}>
      <SimpleForm defaultValues={{ kind: "police_custody", emergency: false }}>
        <ReferenceInput source="case" reference="cases">
          <SelectInput optionText="reference" label="jj.fields.reference" validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="facility" reference="facilities">
          <SelectInput optionText="name" label="jj.fields.facility" validate={required()} />
        </ReferenceInput>
        <SelectInput source="kind" choices={START_KIND} label="jj.fields.kind" validate={required()} />
        <DateTimeInput source="started_at" label="jj.fields.started_at" />
        <TextInput source="commitment_order_reference" label="jj.labels.commitment_order" />
        <TextInput source="best_interests_justification" label="jj.labels.best_interests" multiline fullWidth />
        <TextInput source="police_cell_justification" label="jj.custody.police_cell_justification" multiline fullWidth />
        <TextInput source="age_floor_justification" label="jj.custody.age_floor_justification" multiline fullWidth />
        <BooleanInput source="emergency" label="jj.labels.emergency_admission" />
        <TextInput source="accommodation_provided" label="jj.custody.accommodation_provided" multiline fullWidth />
        <TextInput source="mixed_facility_justification" label="jj.custody.mixed_facility_justification" multiline fullWidth />
        <TextInput source="child_views" label="jj.custody.child_views" multiline fullWidth />
        <TextInput source="views_not_heard_reason" label="jj.custody.views_not_heard_reason" multiline fullWidth />
        <DecisionList decisions={rules.decisions} />
      </SimpleForm>
    </Create>
  );
}
