import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type {
  BillingDocument,
  CardCharge,
  Client,
  ClientBalance,
  ClientCard,
  ClientPayment,
  DocumentShare,
  LedgerEntry,
} from "../../api/models";
import { reply } from "../../test/api-mock";
import { CLIENT, PID, page } from "../../test/fixtures";
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
const stamp = { practiceId: PID, createdAt: "2025-03-01T12:00:00Z", updatedAt: "2025-03-01T12:00:00Z" };
const ava = {
  ...stamp,
  id: CLIENT,
  version: 4,
  firstName: "Ava",
  lastName: "Chen",
  dateOfBirth: "1990-01-01",
  sex: "F",
  email: "ava@example.com",
  phone: null,
  address: null,
  emailOptIn: true,
  smsOptIn: false,
  guarantor: null,
  paysBy: "self_pay",
  autopay: false,
  autoShareDocuments: true,
  shareDocumentKinds: "both",
  autoSuperbills: false,
  employerId: null,
  active: true,
} as unknown as Client;
const visa: ClientCard = {
  id: "ffffffff-ffff-7fff-8fff-000000000001",
  clientId: CLIENT,
  brand: "visa",
  last4: "4242",
  expMonth: 12,
  expYear: 2034,
  isDefault: true,
  expired: false,
  createdAt: "2025-03-01T12:00:00Z",
};
const DOC = "abababab-abab-7bab-8bab-000000000001";
const superbill: BillingDocument = {
  id: DOC,
  clientId: CLIENT,
  kind: "superbill",
  number: "SB-0001",
  documentVersion: 1,
  replacesDocumentId: null,
  status: "issued",
  invoiceId: null,
  periodFrom: "2025-02-01",
  periodTo: "2025-02-28",
  amountCents: 35_000,
  source: "automation",
  runId: null,
  issuedAt: "2025-03-01T07:00:00Z",
  issuedBy: null,
  pdfSha256: "a".repeat(64),
  pdfBytes: 2000,
  voidedAt: null,
  voidReason: null,
};
const skipped = {
  ...stamp,
  id: "acacacac-acac-7cac-8cac-000000000001",
  version: 2,
  clientId: CLIENT,
  subjectType: "document",
  kind: "superbill",
  invoiceId: null,
  documentId: DOC,
  status: "skipped",
  dueAt: "2025-03-01T08:00:00Z",
  attempts: 0,
  reasonCode: "EMAIL_OPTED_OUT",
  reasons: [
    { code: "EMAIL_OPTED_OUT", message: "the client turned email off in their communication preferences" },
  ],
  messageId: null,
  sentAt: null,
  finishedAt: "2025-03-01T08:00:00Z",
} as DocumentShare;
const charge = (over: Partial<CardCharge>): CardCharge => ({
  id: "bcbcbcbc-bcbc-7cbc-8cbc-000000000001",
  clientId: CLIENT,
  amountCents: 5_000,
  currency: "usd",
  idempotencyKey: "manual:k",
  purposeKind: "manual",
  purposeId: "k",
  status: "succeeded",
  cardBrand: "visa",
  cardLast4: "4242",
  stripePaymentIntentId: "pi_1",
  declineCode: null,
  failureCode: null,
  failureMessage: null,
  refundedCents: 0,
  applyTo: null,
  createdAt: "2025-03-05T15:00:00Z",
  settledAt: "2025-03-05T15:00:01Z",
  ...over,
});
const base = "/api/v1/practices/:pid/clients/:cid";
const tab = at(`clients/${CLIENT}?tab=billing`);
const routes = (over: Record<string, unknown> = {}) => ({
  "GET /api/v1/practices/:pid/clients/:cid": ava,
  [`GET ${base}/cards`]: { cards: [visa] },
  [`GET ${base}/card-charges`]: { charges: [] },
  [`GET ${base}/documents`]: page([superbill]),
  [`GET ${base}/sharing`]: {
    clientId: CLIENT,
    settings: {
      practiceSharingOn: true,
      clientSharingOn: true,
      shareDocumentKinds: "both",
      hasEmail: true,
      emailOptIn: false,
      shareDelayMinutes: 60,
    },
    reasonsNowByKind: { invoice: [], superbill: [], statement: [] },
    answer: "Documents are not shared: the client turned email off.",
    recentShares: [],
  },
  "GET /api/v1/practices/:pid/document-shares": { items: [skipped], nextCursor: null },
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
    const { router } = renderApp(at(`clients/${CLIENT}/billing`), routes());
    // The old address opens the client page's Billing tab.
    await waitFor(() => expect(router.state.location.search).toBe("?tab=billing"));
    expect(await screen.findByRole("heading", { level: 1, name: "Ava Chen" })).toBeTruthy();
    const facts = await screen.findByLabelText("Balance and credit");
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
      tab,
      routes({
        [`POST ${base}/payments`]: () =>
          ++posts === 1
            ? reply(503, { error: { code: "REQUEST_TIMEOUT", message: "The request took too long" } })
            : reply(201, { payment, allocations: [], creditCents: 0, replayed: false }),
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Take payment" }));
    const dialog = await screen.findByRole("dialog", { name: "Take a payment" });
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
      tab,
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
    const { user, server } = renderApp(tab, routes({ [`POST ${base}/write-offs`]: reply(201, {}) }));
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
    renderApp(tab, routes(), "read_only");
    await screen.findByRole("table", { name: "Payments" });
    expect(screen.queryByRole("button", { name: "Take payment" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add card" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Refund" })).toBeNull();
  });

  it("charges the default card on file to chosen invoices with one key; a decline shows Stripe's reason and the next try is a new key", async () => {
    let n = 0;
    const { user, server } = renderApp(
      tab,
      routes({
        [`POST ${base}/card-charges`]: () => ({
          charge:
            ++n === 1
              ? charge({
                  status: "declined",
                  declineCode: "insufficient_funds",
                  failureMessage: "Your card has insufficient funds.",
                })
              : charge({}),
          existing: false,
        }),
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Take payment" }));
    const dialog = await screen.findByRole("dialog", { name: "Take a payment" });
    await user.click(within(dialog).getByRole("button", { name: /Method/ }));
    await user.click(await screen.findByRole("option", { name: "Card on file (visa 4242)" }));
    // The card pays the invoices the biller chooses, as a payment by hand does.
    await user.click(within(dialog).getByRole("button", { name: /Apply to/ }));
    await user.click(await screen.findByRole("option", { name: "Chosen invoices" }));
    await user.click(within(dialog).getByRole("checkbox", { name: /INV-1002/ }));
    await user.type(within(dialog).getByRole("textbox", { name: "Amount ($)" }), "50");
    await user.click(within(dialog).getByRole("button", { name: "Charge card" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("insufficient funds");
    await user.click(within(dialog).getByRole("button", { name: "Charge card" }));
    await screen.findByText("$50.00 charged to visa 4242.");
    const calls = server.callsTo("POST", `${base}/card-charges`);
    expect(calls.map((c) => (c.body as { amountCents: number }).amountCents)).toEqual([5000, 5000]);
    expect(calls[1]?.body).toMatchObject({ apply: { kind: "chosen", invoices: [{ invoiceId: INV2 }] } });
    const keys = calls.map((c) => (c.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("refunds a card payment through Stripe, not only in the ledger", async () => {
    const cardPayment = {
      ...payment,
      method: "card" as const,
      reference: "visa 4242",
      cardChargeId: charge({}).id,
    };
    const { user, server } = renderApp(
      tab,
      routes({
        [`GET ${base}/payments`]: page([cardPayment]),
        "POST /api/v1/practices/:pid/card-charges/:chargeId/refunds": {},
      }),
    );
    const payments = await screen.findByRole("table", { name: "Payments" });
    await user.click(await within(payments).findByRole("button", { name: "Refund" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("back to the card through Stripe");
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "duplicate");
    await user.click(within(dialog).getByRole("button", { name: "Refund" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(server.callsTo("POST", `${base}/payments/:paymentId/refunds`)).toHaveLength(0);
    expect(server.callsTo("POST", "/api/v1/practices/:pid/card-charges/:chargeId/refunds")[0]).toMatchObject({
      params: { chargeId: cardPayment.cardChargeId },
      body: { amountCents: 10_000, reason: "duplicate" },
    });
  });

  it("shows each document's share state and why it was not shared, with its PDF", async () => {
    renderApp(tab, routes());
    const docs = await screen.findByRole("table", { name: "Documents" });
    await waitFor(() => expect(docs.textContent).toContain("Not shared"));
    expect(docs.textContent).toContain("The client turned email off in their communication preferences");
    expect(docs.textContent).toContain("the client can turn email back on");
    expect(within(docs).getByRole("link", { name: "Download PDF" }).getAttribute("href")).toBe(
      `/api/v1/practices/${PID}/documents/${DOC}/pdf`,
    );
    const cards = await screen.findByRole("table", { name: "Cards on file" });
    expect(cards.textContent).toContain("Visa •••• 4242");
    expect(cards.textContent).toContain("12/2034");
    expect(cards.textContent).toContain("Default");
  });

  it("changes the client's billing settings after a confirmation that says what changes", async () => {
    const { user, server } = renderApp(tab, routes({ "PATCH /api/v1/practices/:pid/clients/:cid": ava }));
    const form = await screen.findByRole("form", { name: "Client billing settings" });
    await user.click(within(form).getByRole("checkbox", { name: "Autopay with the default card" }));
    await user.click(within(form).getByRole("button", { name: "Save billing settings" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Change this client's billing settings?" });
    expect(dialog.textContent).toContain("Autopay charges the default card");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await screen.findByText("Billing settings saved.");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/clients/:cid")[0]?.body).toEqual({
      autopay: true,
      autoSuperbills: false,
      autoShareDocuments: true,
      shareDocumentKinds: "both",
      version: 4,
    });
  });
});
