import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { AdminContext, HttpError, TextInput } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";

import { dataProvider } from "../dataProvider";
import { i18nProvider } from "../i18n";
import { authAs } from "../test/authAs";
import { ActionForm } from "./ActionForm";

const PTD_2 = {
  rule_id: "PTD-2",
  outcome: "require_justification",
  message: "Pretrial detention is a last resort: record each alternative considered.",
  citation: { instrument: "CRC/C/GC/24", provision: "para. 86", text: "only after community placement has been carefully considered" },
  further_citations: [],
  facts: {},
  satisfied_by: ["alternatives_considered", "justification"],
  supervisor_approval: false,
  below_standard: false,
  unmet: true,
};

function renderForm() {
  return render(
    <AdminContext i18nProvider={i18nProvider} dataProvider={dataProvider} authProvider={authAs("court_officer")}>
      <ActionForm action="custody.detention_order" title="jj.custody.detention_order" path="/custody-episodes/1/detention-orders/" testId="form">
        <TextInput source="justification" label="jj.custody.justification" />
      </ActionForm>
    </AdminContext>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe("ActionForm", () => {
  it("shows the refusing decision with its citation and asks for exactly what would satisfy it", async () => {
    const post = vi.spyOn(dataProvider, "post").mockRejectedValue(
      new HttpError("jj.errors.rule_violation", 422, { code: "rule_violation", decisions: [PTD_2] }),
    );
    renderForm();
    fireEvent.click(await screen.findByRole("button", { name: "Record a detention order" }));
    fireEvent.change(screen.getByLabelText("Justification"), { target: { value: "Missed hearings" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const decision = await screen.findByTestId("decision-PTD-2");
    expect(decision).toHaveTextContent("CRC/C/GC/24, para. 86");
    expect(decision).toHaveTextContent("What would satisfy it: Alternatives considered, Justification");
    expect(post).toHaveBeenCalledWith("/custody-episodes/1/detention-orders/", { justification: "Missed hearings" });
  });

  it("clears the decisions once the step is recorded", async () => {
    const post = vi
      .spyOn(dataProvider, "post")
      .mockRejectedValueOnce(new HttpError("refused", 422, { decisions: [PTD_2] }))
      .mockResolvedValueOnce({ id: 1 });
    renderForm();
    fireEvent.click(await screen.findByRole("button", { name: "Record a detention order" }));
    fireEvent.change(screen.getByLabelText("Justification"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByTestId("decision-PTD-2");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByTestId("decision-PTD-2")).not.toBeInTheDocument());
    expect(post).toHaveBeenCalledTimes(2);
  });
});

describe("ActionForm and the capability table", () => {
  it("is not shown to a role the table does not allow to take its action", async () => {
    render(
      <AdminContext i18nProvider={i18nProvider} dataProvider={dataProvider} authProvider={authAs("facility_officer")}>
        <ActionForm action="custody.detention_order" title="jj.custody.detention_order" path="/x/" testId="denied">
          <TextInput source="justification" label="jj.custody.justification" />
        </ActionForm>
        <ActionForm action="custody.complaint" title="jj.custody.complaint" path="/y/" testId="allowed">
          <TextInput source="subject" label="jj.custody.complaint_subject" />
        </ActionForm>
      </AdminContext>,
    );
    expect(await screen.findByTestId("allowed")).toBeInTheDocument();
    expect(screen.queryByTestId("denied")).not.toBeInTheDocument();
  });
});
