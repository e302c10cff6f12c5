import { render, screen } from "@testing-library/react";
import { I18nContextProvider } from "react-admin";
import { describe, expect, it } from "vitest";

import type { Decision } from "../http";
import { i18nProvider } from "../i18n";
import { DecisionList, decisionsOf, severityOf } from "./DecisionList";

const block: Decision = {
  rule_id: "MACR-1",
  outcome: "block",
  message: "The child was 13 at the time of the alleged offence.",
  citation: { instrument: "CRC/C/GC/24", provision: "para. 22", text: "to at least 14 years of age" },
  further_citations: [{ instrument: "A/RES/79/172", provision: "para. 33", text: "absolute minimum age" }],
  facts: { age_at_offence: 13 },
  satisfied_by: ["date_of_birth"],
  supervisor_approval: false,
  below_standard: false,
  unmet: true,
};
const warn: Decision = { ...block, rule_id: "POL-1", outcome: "warn", unmet: false, below_standard: true, satisfied_by: [] };

function renderList(decisions: Decision[]) {
  return render(
    <I18nContextProvider value={i18nProvider}>
      <DecisionList decisions={decisions} />
    </I18nContextProvider>,
  );
}

describe("DecisionList", () => {
  it("shows each decision's outcome, message, quoted citation and what would satisfy it, unmet first", () => {
    renderList([warn, block]);
    const items = screen.getAllByRole("status");
    expect(items[0]).toHaveTextContent("MACR-1");
    expect(items[0]).toHaveTextContent("Refused");
    expect(items[0]).toHaveTextContent("to at least 14 years of age");
    expect(items[0]).toHaveTextContent("CRC/C/GC/24, para. 22");
    expect(items[0]).toHaveTextContent("A/RES/79/172, para. 33");
    expect(items[0]).toHaveTextContent("What would satisfy it: Date of birth");
    expect(items[0]).not.toHaveTextContent("date_of_birth");
    expect(items[1]).toHaveTextContent("falls below the international standard");
    expect(items[1]).not.toHaveTextContent("What would satisfy it");
  });

  it("shows a refusal as an error, never as blue information", () => {
    const justification: Decision = { ...block, rule_id: "PTD-2", outcome: "require_justification" };
    expect(severityOf(block)).toBe("error");
    expect(severityOf(justification)).toBe("error");
    expect(severityOf({ ...justification, unmet: false })).toBe("info");
    expect(severityOf(warn)).toBe("warning");
    expect(severityOf({ ...block, outcome: "allow", unmet: false })).toBe("success");
    renderList([justification]);
    expect(screen.getByTestId("decision-PTD-2")).toHaveAttribute("data-severity", "error");
    expect(screen.getByTestId("decision-PTD-2").className).toMatch(/filledError/);
  });

  it("names what would satisfy a rule by label, never by code, even for a field it has no label for", () => {
    renderList([{ ...block, satisfied_by: ["alternatives_considered", "informed_of", "some_new_field"] }]);
    const item = screen.getByRole("status");
    expect(item).toHaveTextContent("Alternatives considered, Informed of nature, content, duration and consequences, some new field");
    expect(item).not.toHaveTextContent("alternatives_considered");
  });

  it("marks the quoted source's language when it is not the reader's, and keeps its words", async () => {
    await i18nProvider.changeLocale("fr");
    try {
      renderList([{ ...block, citation: { ...block.citation, language: "en" } }]);
      const item = screen.getByRole("status");
      expect(item).toHaveTextContent("Refusé");
      expect(item).toHaveTextContent("to at least 14 years of age");
      expect(item.querySelector('[lang="en"]')).toHaveTextContent("to at least 14 years of age");
    } finally {
      await i18nProvider.changeLocale("en");
    }
  });

  it("renders nothing without decisions", () => {
    const { container } = renderList([]);
    expect(container).toBeEmptyDOMElement();
  });

  it("reads the decisions of a 422 error and nothing else", () => {
    expect(decisionsOf({ status: 422, body: { decisions: [block] } })).toEqual([block]);
    expect(decisionsOf({ status: 400, body: { errors: {} } })).toEqual([]);
    expect(decisionsOf(null)).toEqual([]);
  });
});
