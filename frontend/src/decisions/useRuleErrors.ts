import { useState } from "react";
import { useNotify } from "react-admin";

import type { Decision } from "../http";
import { decisionsOf } from "./DecisionList";

/** For a form: keeps the decisions of the last 422 so they show next to the fields, and notifies every error. */
export function useRuleErrors() {
  const notify = useNotify();
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const onError = (error: unknown) => {
    const found = decisionsOf(error);
    setDecisions(found);
    const message = (error as Error | null)?.message ?? "ra.notification.http_error";
    notify(found.length > 0 ? "jj.errors.rule_violation" : message, { type: "error" });
  };
  return { decisions, onError, clear: () => setDecisions([]) };
}
