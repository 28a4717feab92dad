import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ClientBalance, ClientPayment, LedgerEntry } from "../../api/models";
import { reply } from "../../test/api-mock";
import { CLIENT, page } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

const INV1 = "cccccccc-cccc-7ccc-8ccc-000000000001";
const INV2 = "cccccccc-cccc-7ccc-8ccc-000000000002";
const PAYMENT = "eeeeeeee-eeee-7eee-8eee-000000000001";

const balance: ClientBalance = {
  clientId: CLIENT,
  balanceCents: 25_000,
  openInvoicesCents: 25_000,
  creditOnAccountCents: 0,
  openInvoices: [
    {
      invoiceId: INV1,
      invoiceNumber: "INV-1001",
      invoiceDate: "2025-03-03",
      clientCents: 17_500,
      openCents: 7_500,
      paymentStatus: "partially_paid",
    },
    {
      invoiceId: INV2,
      invoiceNumber: "INV-1002",
      invoiceDate: "2025-03-10",
      clientCents: 17_500,
      openCents: 17_500,
      paymentStatus: "unpaid",
    },
  ],
};
const entry = (n: number, over: Partial<LedgerEntry>): LedgerEntry => ({
  id: `dddddddd-dddd-7ddd-8ddd-${String(n).padStart(12, "0")}`,
  kind: "charge",
  amountCents: 17_500,
  balanceAfterCents: 17_500,
  effectiveOn: "2025-03-03",
  description: "Bill INV-1001",
  invoiceId: INV1,
  invoiceNumber: "INV-1001",
  paymentId: null,
  refundId: null,
  writeOffId: null,
  postingId: null,
  createdAt: "2025-03-03T06:00:00Z",
  actor: "system:invoice_creation",
  ...over,
});
const payment: ClientPayment = {
  id: PAYMENT,
  clientId: CLIENT,
  method: "check",
  amountCents: 10_000,
  receivedOn: "2025-03-05",
  reference: "1042",
  cardChargeId: null,
  recordedBy: "user:1",
  createdAt: "2025-03-05T15:00:00Z",
  appliedCents: 10_000,
  refundedCents: 0,
  unappliedCents: 0,
};
const base = "/api/v1/practices/:pid/clients/:cid";
const routes = (over: Record<string, unknown> = {}) => ({
  [`GET ${base}/balance`]: balance,
  [`GET ${base}/ledger`]: page([
    entry(3, {
      kind: "charge",
      description: "Bill INV-1002",
      amountCents: 17_500,
      balanceAfterCents: 25_000,
    }),
    entry(2, {
      kind: "payment",
      description: "Payment — Check 1042",
      amountCents: -10_000,
      balanceAfterCents: 7_500,
    }),
    entry(1, {}),
  ]),
  [`GET ${base}/payments`]: page([payment]),
  ...over,
});

describe("client billing", () => {
  it("shows the balance, the open invoices, the ledger and the payments", async () => {
    renderApp(at(`clients/${CLIENT}/billing`), routes());
    expect(await screen.findByRole("heading", { name: "Billing — Ava Chen" })).toBeTruthy();
    const facts = screen.getByLabelText("Balance and credit");
    expect(facts.textContent).toContain("$250.00");
    expect(facts.textContent).toContain("Credit on account$0.00");
    const open = screen.getByRole("table", { name: "Open invoices" });
    expect(within(open).getByRole("link", { name: "INV-1001" }).getAttribute("href")).toContain(
      `/invoices/${INV1}`,
    );
    expect(open.textContent).toContain("Partially Paid");
    const ledger = await screen.findByRole("table", { name: "Ledger" });
    await waitFor(() => expect(within(ledger).getAllByRole("row")).toHaveLength(4));
    expect(ledger.textContent).toContain("Payment — Check 1042");
    expect(ledger.textContent).toContain("-$100.00");
    expect((await screen.findByRole("table", { name: "Payments" })).textContent).toContain("Check 1042");
  });

  it("records a payment on chosen invoices with one Idempotency-Key, kept when the answer is lost and retried", async () => {
    let posts = 0;
    const { user, server } = renderApp(
      at(`clients/${CLIENT}/billing`),
      routes({
        [`POST ${base}/payments`]: () =>
          ++posts === 1
            ? reply(503, { error: { code: "REQUEST_TIMEOUT", message: "The request took too long" } })
            : reply(201, { payment, allocations: [], creditCents: 0, replayed: false }),
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Record payment" }));
    const dialog = await screen.findByRole("dialog", { name: "Record a payment" });
    await user.click(within(dialog).getByRole("button", { name: /Method/ }));
    await user.click(await screen.findByRole("option", { name: "Check" }));
    await user.type(within(dialog).getByRole("textbox", { name: "Amount ($)" }), "50");
    await user.type(within(dialog).getByRole("textbox", { name: "Reference (check number)" }), "2001");
    await user.click(within(dialog).getByRole("button", { name: /Apply to/ }));
    await user.click(await screen.findByRole("option", { name: "Chosen invoices" }));
    await user.click(within(dialog).getByRole("checkbox", { name: /INV-1002/ }));
    await user.click(within(dialog).getByRole("button", { name: "Record payment" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("took too long");
    await user.click(within(dialog).getByRole("button", { name: "Record payment" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const calls = server.callsTo("POST", `${base}/payments`);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body).toEqual({
      method: "check",
      amountCents: 5000,
      reference: "2001",
      apply: { kind: "chosen", invoices: [{ invoiceId: INV2 }] },
    });
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("refunds a payment and shows the refusal's words", async () => {
    const { user, server } = renderApp(
      at(`clients/${CLIENT}/billing`),
      routes({
        [`POST ${base}/payments/:paymentId/refunds`]: reply(422, {
          error: {
            code: "REFUND_EXCEEDS_PAYMENT",
            message: "The refund is more than the 10000 cents that remain",
          },
        }),
      }),
    );
    const payments = await screen.findByRole("table", { name: "Payments" });
    await user.click(await within(payments).findByRole("button", { name: "Refund" }));
    const dialog = await screen.findByRole("alertdialog");
    const amount = within(dialog).getByRole("textbox", { name: "Refund amount ($)" }) as HTMLInputElement;
    expect(amount.value).toBe("100.00");
    await user.clear(amount);
    await user.type(amount, "100.01");
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "overpaid");
    await user.click(within(dialog).getByRole("button", { name: "Refund" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("more than");
    expect(server.callsTo("POST", `${base}/payments/:paymentId/refunds`)[0]).toMatchObject({
      params: { paymentId: PAYMENT },
      body: { amountCents: 10_001, reason: "overpaid" },
    });
  });

  it("writes off what is open on an invoice", async () => {
    const { user, server } = renderApp(
      at(`clients/${CLIENT}/billing`),
      routes({ [`POST ${base}/write-offs`]: reply(201, {}) }),
    );
    await user.click(await screen.findByRole("button", { name: "Write off" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Write off client balance" });
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "hardship");
    await user.click(within(dialog).getByRole("button", { name: "Write off" }));
    await waitFor(() =>
      expect(server.callsTo("POST", `${base}/write-offs`)[0]?.body).toEqual({
        invoiceId: INV1,
        kind: "write_off",
        reason: "hardship",
      }),
    );
  });

  it("a read-only user sees the billing without actions", async () => {
    renderApp(at(`clients/${CLIENT}/billing`), routes(), "read_only");
    await screen.findByRole("table", { name: "Payments" });
    expect(screen.queryByRole("button", { name: "Record payment" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Refund" })).toBeNull();
  });
});
