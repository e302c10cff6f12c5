import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AdminContext, ResourceContextProvider, testDataProvider } from "react-admin";
import { describe, expect, it, vi } from "vitest";

import { i18nProvider } from "../i18n";
import { JurisdictionCreate } from ".";

describe("JurisdictionCreate", () => {
  it("sends the jurisdiction, its policy facts, its first agency and administrator, and the operator's password", async () => {
    const dataProvider = testDataProvider();
    const create = vi.spyOn(dataProvider, "create").mockImplementation(async (_resource, params) => ({ data: { id: 9, ...params.data } }));
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
        <ResourceContextProvider value="jurisdictions">
          <JurisdictionCreate />
        </ResourceContextProvider>
      </AdminContext>,
    );
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText(/^Code/), "east");
    await user.type(screen.getByLabelText(/^Name/), "Eastmarch");
    await user.type(screen.getByLabelText(/^Time zone/), "Africa/Nairobi");
    await user.type(screen.getByLabelText(/^First agency/), "Eastmarch Youth Justice Office");
    await user.type(screen.getByLabelText(/^Administrator's username/), "east_admin");
    await user.type(screen.getByLabelText(/^Administrator's initial password/), "a-long-enough-passphrase-2026");
    await user.type(screen.getByLabelText(/^Your own password/), "mine");
    expect(screen.getByText(/opening it gives you no access/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[1].data).toMatchObject({
      code: "east",
      name: "Eastmarch",
      timezone: "Africa/Nairobi",
      agency_name: "Eastmarch Youth Justice Office",
      admin_username: "east_admin",
      admin_password: "a-long-enough-passphrase-2026",
      current_password: "mine",
      suppression_threshold: 5,
      specialised_system: null,
      prevention_plan: null,
    });
  }, 60_000);
});
