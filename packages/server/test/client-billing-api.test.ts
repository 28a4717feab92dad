import {
  clientBalanceSchema,
  ledgerPageSchema,
  recordedPaymentSchema,
  recordedRefundSchema,
} from "@billcycle/app";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { rowCounts } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(testBackends())("client billing API on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let other: PracticeFixture;
  let base: string;
  let clientId: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Ledger");
    await h.seedRecords(p, { engine: true });
    other = await h.newPractice("Elsewhere");
    clientId = p.records.clients!.id;
    base = `/api/v1/practices/${p.id}/clients/${clientId}`;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const pay = (body: Record<string, unknown>, key?: string, token = p.users.owner.token) =>
    h.call("POST", `${base}/payments`, {
      token,
      body,
      headers: key === undefined ? {} : { "idempotency-key": key },
    });

  it("records a payment once per Idempotency-Key: 201, then 200 with the same answer", async () => {
    const first = await pay({ method: "check", amountCents: 12_345, reference: "1001" }, "api-key-1");
    expect(first.status).toBe(201);
    const recorded = recordedPaymentSchema.parse(first.json);
    expect(recorded).toMatchObject({ creditCents: 12_345, replayed: false, payment: { method: "check" } });
    const again = await pay({ method: "check", amountCents: 12_345, reference: "1001" }, "api-key-1");
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...first.json, replayed: true });
    const other = await pay({ method: "check", amountCents: 1, reference: "1001" }, "api-key-1");
    expect([other.status, errorCode(other)]).toEqual([409, "CONFLICT"]);

    const list = await h.call("GET", `${base}/payments?limit=1`, { token: p.users.owner.token });
    expect(list.status).toBe(200);
    expect((list.json.data as Array<{ id: string }>)[0]!.id).toBe(recorded.payment.id);
  });

  it("refuses a payment without a key, zero or negative amounts, a card payment by hand", async () => {
    const before = await rowCounts(h.database);
    const missing = await pay({ method: "cash", amountCents: 100 });
    expect([missing.status, errorCode(missing)]).toEqual([400, "VALIDATION_FAILED"]);
    for (const amountCents of [0, -5]) {
      const r = await pay({ method: "cash", amountCents }, `bad-${amountCents}`);
      expect([r.status, errorCode(r)]).toEqual([400, "INVALID_AMOUNT"]);
    }
    const card = await pay({ method: "card", amountCents: 100 }, "card-by-hand");
    expect(card.status).toBe(400);
    const readOnly = await pay({ method: "cash", amountCents: 100 }, "ro", p.users.read_only.token);
    expect(readOnly.status).toBe(403);
    expect(await rowCounts(h.database)).toEqual(before);
  });

  it("refunds within what remains of the payment and says so otherwise", async () => {
    const paid = recordedPaymentSchema.parse(
      (await pay({ method: "cash", amountCents: 5_000 }, "refund-me")).json,
    );
    const url = `${base}/payments/${paid.payment.id}/refunds`;
    const refund = (amountCents: number) =>
      h.call("POST", url, { token: p.users.owner.token, body: { amountCents, reason: "duplicate" } });
    const part = await refund(2_000);
    expect(part.status).toBe(201);
    expect(recordedRefundSchema.parse(part.json)).toMatchObject({
      amountCents: 2_000,
      fromCreditCents: 2_000,
    });
    const tooMuch = await refund(3_001);
    expect([tooMuch.status, errorCode(tooMuch)]).toEqual([422, "REFUND_EXCEEDS_PAYMENT"]);
    const zero = await refund(0);
    expect([zero.status, errorCode(zero)]).toEqual([400, "INVALID_AMOUNT"]);
  });

  it("shows the balance, the ledger and a statement; write-offs need something open", async () => {
    const balance = await h.call("GET", `${base}/balance`, { token: p.users.read_only.token });
    expect(balance.status).toBe(200);
    const b = clientBalanceSchema.parse(balance.json);
    expect(b.balanceCents).toBe(-b.creditOnAccountCents + b.openInvoicesCents);
    const ledger = await h.call("GET", `${base}/ledger?limit=2`, { token: p.users.read_only.token });
    const page = ledgerPageSchema.parse(ledger.json);
    expect(page.data[0]!.balanceAfterCents).toBe(b.balanceCents);
    expect(page.nextCursor).not.toBeNull();
    const statement = await h.call("GET", `${base}/statement?from=2026-01-01&to=2026-12-31`, {
      token: p.users.owner.token,
    });
    expect(statement.status).toBe(200);
    expect(statement.json.endingBalanceCents).toBe(b.balanceCents);
    const backwards = await h.call("GET", `${base}/statement?from=2026-12-31&to=2026-01-01`, {
      token: p.users.owner.token,
    });
    expect(errorCode(backwards)).toBe("INVALID_DATE");
    const invoices = await h.call(
      "GET",
      `/api/v1/practices/${p.id}/invoices?clientId=${clientId}&status=processed`,
      {
        token: p.users.owner.token,
      },
    );
    const invoiceId = (invoices.json.data as Array<{ id: string }>)[0]!.id;
    const writeOff = await h.call("POST", `${base}/write-offs`, {
      token: p.users.owner.token,
      body: { invoiceId, reason: "courtesy" },
    });
    // The seeded client is insured: nothing of the claimed invoice is the client's to write off.
    expect([writeOff.status, errorCode(writeOff)]).toEqual([400, "INVALID_AMOUNT"]);
  });

  it("another practice's user or client is not found, and writes nothing", async () => {
    const before = await rowCounts(h.database);
    const theirs = await pay({ method: "cash", amountCents: 100 }, "cross", other.users.owner.token);
    expect([theirs.status, errorCode(theirs)]).toEqual([404, "NOT_FOUND"]);
    const foreignClient = await h.call("POST", `/api/v1/practices/${other.id}/clients/${clientId}/payments`, {
      token: other.users.owner.token,
      body: { method: "cash", amountCents: 100 },
      headers: { "idempotency-key": "x" },
    });
    expect([foreignClient.status, errorCode(foreignClient)]).toEqual([404, "NOT_FOUND"]);
    const balance = await h.call("GET", `/api/v1/practices/${other.id}/clients/${clientId}/balance`, {
      token: other.users.owner.token,
    });
    expect(balance.status).toBe(404);
    expect(await rowCounts(h.database)).toEqual(before);
  });
});
