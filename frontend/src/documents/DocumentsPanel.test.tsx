import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AdminContext, RecordContextProvider, testDataProvider } from "react-admin";
import { describe, expect, it, vi } from "vitest";

import { i18nProvider } from "../i18n";
import { authAs } from "../test/authAs";
import { type DocumentRow, DocumentsPanel } from "./DocumentsPanel";

const order: DocumentRow = {
  id: 12,
  case: 5,
  child: 3,
  episode: null,
  document_type: "court_order",
  original_name: "order.pdf",
  size: 2048,
  content_type: "application/pdf",
  uploaded_by: "amara",
  created_at: "2026-11-02T09:00:00Z",
};

/** A data provider over a list of documents that a delete or an upload changes. */
function fakeProvider(rows: DocumentRow[]) {
  const getManyReference = vi.fn().mockImplementation(async () => ({ data: [...rows], total: rows.length }));
  const remove = vi.fn().mockImplementation(async (_resource: string, params: { id: unknown }) => {
    rows.splice(rows.findIndex((r) => r.id === params.id), 1);
    return { data: order };
  });
  const upload = vi.fn().mockImplementation(async (_path: string, form: FormData) => {
    const file = form.get("file");
    const row: DocumentRow = { ...order, id: 13, original_name: file instanceof File ? file.name : "" };
    rows.push(row);
    return row;
  });
  const dataProvider = testDataProvider({ getManyReference, delete: remove, upload });
  return { dataProvider, getManyReference, remove, upload };
}

function renderPanel(role: string, fake: ReturnType<typeof fakeProvider>) {
  return render(
    <AdminContext dataProvider={fake.dataProvider} i18nProvider={i18nProvider} authProvider={authAs(role)}>
      <RecordContextProvider value={{ id: 5 }}>
        <DocumentsPanel base="cases" />
      </RecordContextProvider>
    </AdminContext>,
  );
}

describe("DocumentsPanel", () => {
  it("lists the record's documents through getManyReference, under the record's resource", async () => {
    const fake = fakeProvider([order]);
    renderPanel("caseworker", fake);
    expect(await screen.findByRole("link", { name: "order.pdf" })).toHaveAttribute("href", "/api/documents/12/download/");
    expect(fake.getManyReference).toHaveBeenCalledWith("documents", expect.objectContaining({ target: "cases", id: 5 }));
    expect(screen.queryByRole("button", { name: /Delete order.pdf/ })).not.toBeInTheDocument();
  });

  it("a supervisor deletes a document: the delete goes through the data provider and the list is read again", async () => {
    const fake = fakeProvider([order]);
    renderPanel("supervisor", fake);
    await userEvent.click(await screen.findByRole("button", { name: "Delete order.pdf" }));
    await waitFor(() => expect(fake.remove).toHaveBeenCalledWith("documents", expect.objectContaining({ id: 12 })));
    expect(await screen.findByText("No documents attached.")).toBeInTheDocument();
  });

  it("uploads the chosen file with its type, then shows it in the list", async () => {
    const fake = fakeProvider([]);
    renderPanel("caseworker", fake);
    await screen.findByText("No documents attached.");
    const attach = await screen.findByRole("button", { name: "Attach" });
    expect(attach).toBeDisabled();
    await userEvent.upload(screen.getByLabelText(/^File to attach/), new File(["%PDF-1.4"], "ruling.pdf", { type: "application/pdf" }));
    await userEvent.click(attach);
    expect(await screen.findByRole("link", { name: "ruling.pdf" })).toBeInTheDocument();
    const [path, sent] = fake.upload.mock.calls[0] as [string, FormData];
    expect(path).toBe("/cases/5/documents/");
    expect(sent.get("document_type")).toBe("court_order");
  });
});
