/** The rules engine's decisions, as a caseworker reads them: outcome, message, the quoted citation, and exactly
 * what would satisfy the rule. Used under every form that can get a 422 and on each record's decision history. */
import { Alert, AlertTitle, Box, Chip, List, ListItem, Typography } from "@mui/material";
import { useLocaleState, useTranslate, type TranslateFunction } from "react-admin";

import type { Decision } from "../http";

const SEVERITY = { allow: "success", warn: "warning", require_justification: "info", block: "error" } as const;

/** A refusal reads as an error: an unmet block or justification is what stopped the step (red, announced at once);
 * met or advisory decisions keep their own colour (a refusal once showed as blue information). */
export function severityOf(decision: Decision): "success" | "warning" | "info" | "error" {
  if (decision.unmet && (decision.outcome === "block" || decision.outcome === "require_justification")) return "error";
  return SEVERITY[decision.outcome];
}

/** The language of a decision's quoted source: as the server says (the words are never translated). */
export function quoteLanguage(decision: Decision): string {
  return decision.citation.language ?? "en";
}

/** A request field named by "what would satisfy it", as a label in the reader's language (never the raw code). */
export function fieldLabel(translate: TranslateFunction, name: string): string {
  const humane = name.replace(/_/g, " ");
  return translate(`jj.satisfied.${name}`, { _: humane });
}

export function DecisionItem({ decision }: { decision: Decision }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Alert
      severity={severityOf(decision)}
      variant={decision.unmet ? "filled" : "outlined"}
      sx={{ mb: 1 }}
      data-testid={`decision-${decision.rule_id}`}
      data-severity={severityOf(decision)}
      role="status"
    >
      <AlertTitle>
        <Chip size="small" label={decision.rule_id} sx={{ marginInlineEnd: 1, bgcolor: "background.paper", color: "text.primary" }} />
        {translate(`jj.decisions.outcome.${decision.outcome}`)}
      </AlertTitle>
      <Typography variant="body2">{decision.message}</Typography>
      <Box component="blockquote" sx={{ m: 0, mt: 1, paddingInlineStart: 1.5, borderInlineStart: "3px solid currentcolor" }}>
        <Typography variant="body2" component="span" sx={{ fontStyle: "italic" }} lang={quoteLanguage(decision)} dir="auto">
          “{decision.citation.text}”
        </Typography>{" "}
        {quoteLanguage(decision) !== locale && (
          <Typography variant="caption" component="span" sx={{ marginInlineEnd: 0.5 }}>
            ({translate("jj.decisions.quoted_in", { language: translate(`jj.locale.${quoteLanguage(decision)}`) })})
          </Typography>
        )}
        <Typography variant="caption" component="cite">
          {decision.citation.instrument}, {decision.citation.provision}
        </Typography>
      </Box>
      {decision.further_citations.map((c) => (
        <Typography key={`${c.instrument}-${c.provision}`} variant="caption" component="div">
          {c.instrument}, {c.provision}
        </Typography>
      ))}
      {decision.unmet && decision.satisfied_by.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>{translate("jj.decisions.needed")}:</strong>{" "}
          {decision.satisfied_by.map((name) => fieldLabel(translate, name)).join(", ")}
        </Typography>
      )}
      {decision.below_standard && (
        <Typography variant="caption" component="div">
          {translate("jj.decisions.below_standard")}
        </Typography>
      )}
      {decision.supervisor_approval && (
        <Typography variant="caption" component="div">
          {translate("jj.decisions.supervisor")}
        </Typography>
      )}
    </Alert>
  );
}

export function DecisionList({ decisions, title }: { decisions: Decision[]; title?: string }) {
  const translate = useTranslate();
  if (decisions.length === 0) return null;
  const ordered = [...decisions].sort((a, b) => Number(b.unmet) - Number(a.unmet));
  return (
    <Box sx={{ my: 2 }} aria-live="polite">
      <Typography variant="h6" component="h2">
        {title ?? translate("jj.decisions.title")}
      </Typography>
      <List disablePadding>
        {ordered.map((d, i) => (
          <ListItem key={`${d.rule_id}-${i}`} disableGutters sx={{ display: "block" }}>
            <DecisionItem decision={d} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** The decisions carried by a react-admin HttpError from a 422, or none. */
export function decisionsOf(error: unknown): Decision[] {
  const body = (error as { status?: number; body?: { decisions?: Decision[] } } | null)?.body;
  return Array.isArray(body?.decisions) ? body.decisions : [];
}
