import { useState } from "react";
import { useNotify } from "react-admin";

import type { Decision } from "../http";
import { decisionsOf } from "./DecisionList";

/** The child-protection referral a refused intake wrote instead of a case (MACR-1, STA-1), if any. */
export function protectionReferralOf(error: unknown): number | null {
  const body = (error as { body?: { protection_referral?: unknown } } | null)?.body;
  return typeof body?.protection_referral === "number" ? body.protection_referral : null;
}

/** For a form: keeps the decisions of the last 422 so they show next to the fields (with the child-protection
 * referral it wrote, if any), and notifies every error. */
export function useRuleErrors() {
  const notify = useNotify();
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [referral, setReferral] = useState<number | null>(null);
  const onError = (error: unknown) => {
    const found = decisionsOf(error);
    setDecisions(found);
    setReferral(protectionReferralOf(error));
    const message = (error as Error | null)?.message ?? "ra.notification.http_error";
    notify(found.length > 0 ? "jj.errors.rule_violation" : message, { type: "error" });
  };
  const clear = () => {
    setDecisions([]);
    setReferral(null);
  };
  return { decisions, referral, onError, clear };
}
