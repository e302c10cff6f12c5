/** A workflow step on a record (POST to its own endpoint): shows the rule decisions of a refusal next to the fields
 * and asks for exactly what would satisfy them. */
import { Accordion, AccordionDetails, AccordionSummary, Typography } from "@mui/material";
import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import type { ReactNode } from "react";
import { useState } from "react";
import { Form, SaveButton, useDataProvider, useNotify, useRefresh, useTranslate } from "react-admin";
import type { FieldValues } from "react-hook-form";

import { useCan } from "../capabilities";
import type { dataProvider as provider } from "../dataProvider";
import { DecisionList } from "../decisions/DecisionList";
import { useRuleErrors } from "../decisions/useRuleErrors";
import { ProtectionReferralLink } from "../referrals/ReferralLink";

// A step records something new: it must not start from the values of the record it is about.
const EMPTY = {};

export function ActionForm({
  action,
  title,
  path,
  children,
  defaultValues,
  transform,
  testId,
}: {
  /** The capability-table action this step records: the form is shown only to roles the table allows. */
  action: string;
  title: string;
  path: string;
  children: ReactNode;
  defaultValues?: FieldValues;
  transform?: (values: FieldValues) => FieldValues;
  testId: string;
}) {
  const translate = useTranslate();
  const can = useCan();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<typeof provider>();
  const rules = useRuleErrors();
  const [expanded, setExpanded] = useState(false);
  // Kept from the first render: callers pass a fresh object (with "now" in it) on every render, and react-admin's
  // form resets to new default values, wiping what the user had typed (a flaky browser test found it).
  const [initialValues] = useState(defaultValues);
  const submit = async (values: FieldValues) => {
    try {
      await dataProvider.post(path, transform ? transform(values) : values);
      rules.clear();
      notify("jj.custody.saved", { type: "success" });
      refresh();
      return undefined;
    } catch (error) {
      rules.onError(error);
      return (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
    }
  };
  if (!can(action)) return null;
  return (
    <Accordion expanded={expanded} onChange={(_, open) => setExpanded(open)} data-testid={testId} data-action={action}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography component="h2" variant="subtitle1">
          {translate(title)}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Form onSubmit={submit} defaultValues={initialValues} record={EMPTY}>
          {children}
          <DecisionList decisions={rules.decisions} />
          <ProtectionReferralLink id={rules.referral} />
          <SaveButton alwaysEnable label="ra.action.save" />
        </Form>
      </AccordionDetails>
    </Accordion>
  );
}
