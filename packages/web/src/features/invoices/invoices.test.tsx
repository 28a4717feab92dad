import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Invoice } from "../../api/models";
import { CLIENT, PID, PROVIDER, page } from "../../test/fixtures";
import { at, renderApp, searchLandmark } from "../../test/render";

const invoice = (n: number, over: Partial<Invoice> = {}): Invoice => ({
  id: `cccccccc-cccc-7ccc-8ccc-${String(n).padStart(12, "0")}`,
  practiceId: PID,
  version: 1,
  createdAt: "2025-03-04T05:00:00Z",
  updatedAt: "2025-03-04T05:00:00Z",
  number: `INV-${1000 + n}`,
  clientId: CLIENT,
  status: "open",
  paymentStatus: "partially_paid",
  paysBy: "insurance",
  invoiceDate: "2025-03-03",
  totalCents: 17500,
  insuranceCents: 15000,
  clientCents: 2500,
  insurancePaidCents: 10000,
  clientPaidCents: 0,
  adjustmentCents: 2000,
  clientWrittenOffCents: 0,
  primaryPolicyId: null,
  source: "nightly",
  runId: null,
  replacesInvoiceId: null,
  voidedAt: null,
  voidReason: null,
  lines: [
    {
      id: `dddddddd-dddd-7ddd-8ddd-${String(n).padStart(12, "0")}`,
      practiceId: PID,
      invoiceId: `cccccccc-cccc-7ccc-8ccc-${String(n).padStart(12, "0")}`,
      position: 0,
      kind: "service",
      appointmentId: null,
      serviceId: null,
      productId: null,
      code: "90837",
      description: "Psychotherapy, 60 minutes",
      dateOfService: "2025-03-03",
      units: 1,
      unitFeeCents: 17500,
      amountCents: 17500,
      modifiers: [],
      diagnosisCodes: ["F41.1"],
      diagnosisPointers: [1],
      insuranceEligible: true,
      adjustsLineId: null,
      createdAt: "2025-03-04T05:00:00Z",
      createdBy: "system:invoice_creation",
    },
  ],
  history: [
    {
      id: "h1",
      practiceId: PID,
      invoiceId: `cccccccc-cccc-7ccc-8ccc-${String(n).padStart(12, "0")}`,
      fromStatus: null,
      toStatus: "open",
      at: "2025-03-04T05:00:00Z",
      actor: "system:invoice_creation",
      cause: null,
      actorName: "Automation (Invoice Creation)",
      causeText: null,
    },
  ],
  ...over,
});

describe("invoices", () => {
  it("lists a server page with money and balance, and sends every filter to the API", async () => {
    const { user, server } = renderApp(at("invoices"), {
      "GET /api/v1/practices/:pid/invoices": page([invoice(1)], "cur-2"),
      "GET /api/v1/practices/:pid/claims": page([]),
    });
    const row = (await screen.findByRole("link", { name: "INV-1001" })).closest("tr")!;
    expect(row.textContent).toContain("Ava Chen");
    expect(row.textContent).toContain("$175.00");
    // 175.00 − 100.00 paid − 20.00 adjusted
    expect(row.textContent).toContain("$55.00");

    const filters = searchLandmark("Filter invoices");
    await user.click(within(filters).getByRole("button", { name: /Status/ }));
    await user.click(await screen.findByRole("option", { name: "Processed" }));
    await user.click(within(filters).getByRole("button", { name: /Payment/ }));
    await user.click(await screen.findByRole("option", { name: "Partially Paid" }));
    await user.type(within(filters).getByRole("textbox", { name: "Min total ($)" }), "50");
    await user.type(within(filters).getByRole("textbox", { name: "Max total ($)" }), "1,250.5");
    await user.click(within(filters).getByRole("button", { name: "Apply amount" }));
    await user.click(within(filters).getByRole("button", { name: /Show provider options/ }));
    await user.click(await screen.findByRole("option", { name: "Hannah Reyes, LPC" }));
    await waitFor(() => {
      const q = server.callsTo("GET", "/api/v1/practices/:pid/invoices").at(-1)?.query;
      expect([
        q?.get("status"),
        q?.get("paymentStatus"),
        q?.get("minCents"),
        q?.get("maxCents"),
        q?.get("providerId"),
        q?.get("cursor"),
      ]).toEqual(["processed", "partially_paid", "5000", "125050", PROVIDER, null]);
    });
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/invoices").at(-1)?.query.get("cursor")).toBe(
        "cur-2",
      ),
    );
  });

  it("sorts through the API across pages: a header press asks the server, a second press reverses", async () => {
    const { user, server } = renderApp(at("invoices"), {
      "GET /api/v1/practices/:pid/invoices": page([invoice(1)], "cur-2"),
      "GET /api/v1/practices/:pid/claims": page([]),
    });
    await screen.findByRole("link", { name: "INV-1001" });
    const lastQuery = () => server.callsTo("GET", "/api/v1/practices/:pid/invoices").at(-1)?.query;
    await user.click(screen.getByRole("button", { name: /^Total/ }));
    await waitFor(() => expect(lastQuery()?.get("sort")).toBe("totalCents"));
    expect(screen.getByRole("columnheader", { name: /^Total/ }).getAttribute("aria-sort")).toBe("ascending");
    await user.click(screen.getByRole("button", { name: /^Total/ }));
    await waitFor(() => expect(lastQuery()?.get("sort")).toBe("-totalCents"));
    expect(screen.getByRole("columnheader", { name: /^Total/ }).getAttribute("aria-sort")).toBe("descending");
    // The next page keeps the sort (its cursor belongs to it); a column the API cannot sort has no sort button.
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect([lastQuery()?.get("cursor"), lastQuery()?.get("sort")]).toEqual(["cur-2", "-totalCents"]),
    );
    expect(within(screen.getByRole("columnheader", { name: /^Balance/ })).queryByRole("button")).toBeNull();
  });

  it("finds an invoice by its number once typing settles, and names one column Client", async () => {
    const { user, server } = renderApp(at("invoices"), {
      "GET /api/v1/practices/:pid/invoices": { ...page([invoice(1)], "cur-2"), total: 312 },
      "GET /api/v1/practices/:pid/claims": page([]),
    });
    await screen.findByRole("link", { name: "INV-1001" });
    expect(screen.getByRole("navigation", { name: "Invoices pages" }).textContent).toContain(
      "Showing 1–1 of 312",
    );
    expect(server.callsTo("GET", "/api/v1/practices/:pid/invoices")[0]?.query.get("withTotal")).toBe("true");
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers.filter((h) => h === "Client")).toHaveLength(1);
    expect(headers).toContain("Client share");
    await user.type(screen.getByRole("searchbox", { name: "Invoice number" }), "inv-1001");
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/invoices").at(-1)?.query.get("number")).toBe(
        "inv-1001",
      ),
    );
    // One request for the settled text, not one per key typed.
    const withNumber = server
      .callsTo("GET", "/api/v1/practices/:pid/invoices")
      .filter((c) => c.query.get("number") !== null);
    expect(withNumber).toHaveLength(1);
  });

  it("opens reviewed Pended invoices in bulk after a confirmation", async () => {
    const pended = [
      invoice(1, { status: "pended" }),
      invoice(2, { status: "pended" }),
      invoice(3, { status: "pended" }),
    ];
    const { user, server } = renderApp(at("invoices/review"), {
      "GET /api/v1/practices/:pid/invoices": page(pended),
      "POST /api/v1/practices/:pid/invoices/open": (req: { body: unknown }) => ({
        data: (req.body as { invoiceIds: string[] }).invoiceIds.map((id) => ({ id })),
      }),
    });
    const open = await screen.findByRole("button", { name: "Open selected (0)" });
    expect(open.hasAttribute("disabled")).toBe(true);
    await user.click(await screen.findByRole("checkbox", { name: "Select invoice INV-1001" }));
    await user.click(screen.getByRole("checkbox", { name: "Select invoice INV-1003" }));
    await user.click(screen.getByRole("button", { name: "Open selected (2)" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Open 2 invoices?" });
    expect(dialog.textContent).toContain("$350.00");
    await user.click(within(dialog).getByRole("button", { name: "Open invoices" }));
    await screen.findByText("2 invoices opened.");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/invoices/open")[0]?.body).toEqual({
      invoiceIds: [pended[0]!.id, pended[2]!.id],
    });
    expect(server.callsTo("GET", "/api/v1/practices/:pid/invoices")[0]?.query.get("status")).toBe("pended");
  });

  it("selects a whole page at once", async () => {
    const { user } = renderApp(at("invoices/review"), {
      "GET /api/v1/practices/:pid/invoices": page([
        invoice(1, { status: "pended" }),
        invoice(2, { status: "pended" }),
      ]),
    });
    await user.click(await screen.findByRole("checkbox", { name: "Select all invoices on this page" }));
    expect(screen.getByRole("button", { name: "Open selected (2)" })).toBeTruthy();
  });

  it("shows a read-only user the queue without selection or actions", async () => {
    renderApp(
      at("invoices/review"),
      { "GET /api/v1/practices/:pid/invoices": page([invoice(1, { status: "pended" })]) },
      "read_only",
    );
    await screen.findByRole("link", { name: "INV-1001" });
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect(screen.queryByRole("button", { name: /Open selected/ })).toBeNull();
  });

  it("shows an invoice's lines, who owes what, payments, adjustments and history; voids with a reason", async () => {
    const current = invoice(7);
    renderApp(at(`invoices/${current.id}`), {
      "GET /api/v1/practices/:pid/invoices/:id": () => current,
      "GET /api/v1/practices/:pid/claims": page([]),
    });
    await screen.findByRole("heading", { level: 1, name: "Invoice INV-1007" });
    const split = screen.getByRole("table", { name: "Responsibility split" });
    expect(within(split).getByRole("row", { name: /Insurance/ }).textContent).toContain("$150.00$100.00");
    expect(within(split).getByRole("row", { name: /Client/ }).textContent).toContain("$25.00$0.00");
    expect(within(split).getByRole("row", { name: /Total/ }).textContent).toContain("$55.00 due");
    const lines = screen.getByRole("table", { name: "Invoice lines" });
    expect(lines.textContent).toContain("90837");
    expect(lines.textContent).toContain("F41.1");
    const history = screen.getByRole("region", { name: "History" }).textContent;
    expect(history).toContain("Open");
    expect(history).toContain("by Automation (Invoice Creation)");
    expect(history).not.toContain("system:");

    // Payments are on it: Void is not offered until they are moved.
    expect(screen.queryByRole("button", { name: "Void invoice" })).toBeNull();
    expect(screen.getByText(/of payments are on this invoice: move them before voiding it/)).toBeTruthy();
    // Insurance paid part of it: that is not moved by hand, and the screen says what ends the wait.
    expect(screen.queryByRole("button", { name: "Move payments to credit" })).toBeNull();
    expect(
      screen.getByText(/^Insurance paid \$100\.00: that comes off only when the payer reverses it/),
    ).toBeTruthy();
  });

  it("voids an invoice without payments, saying whether its sessions are billed again or waived", async () => {
    let current = invoice(7, { insurancePaidCents: 0, clientPaidCents: 0 });
    const { user, server } = renderApp(at(`invoices/${current.id}`), {
      "GET /api/v1/practices/:pid/invoices/:id": () => current,
      "GET /api/v1/practices/:pid/claims": page([]),
      "POST /api/v1/practices/:pid/invoices/:id/void": (req: { body: unknown }) => {
        current = invoice(7, {
          status: "void",
          voidReason: (req.body as { reason: string }).reason,
          voidedAt: "2025-03-05T15:00:00Z",
        });
        return current;
      },
    });
    await user.click(await screen.findByRole("button", { name: "Void invoice" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Void INV-1007?" });
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "pro bono");
    // No choice made yet: the void cannot be sent.
    expect(within(dialog).getByRole("button", { name: "Void invoice" }).hasAttribute("disabled")).toBe(true);
    await user.click(within(dialog).getByRole("radio", { name: /Never bill it/ }));
    await user.click(within(dialog).getByRole("button", { name: "Void invoice" }));
    await screen.findByText(/Voided .*: pro bono\./);
    expect(server.callsTo("POST", "/api/v1/practices/:pid/invoices/:id/void")[0]?.body).toEqual({
      reason: "pro bono",
      disposition: "waive",
    });
    expect(screen.queryByRole("button", { name: "Void invoice" })).toBeNull();
  });
});
