import {
  createInvoices,
  getClientBalance,
  listClientLedger,
  listClientPayments,
  listOpenClientBalances,
  loadClientStatement,
  moveInvoicePaymentsToCredit,
  openInvoices,
  recordClientPayment,
  refundClientPayment,
  voidInvoice,
  writeOffClientBalance,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";
const now = local("2026-03-10T12:00", ZONE);

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
};

let keys = 0;
const key = () => `key-${++keys}`;

describe.each(testBackends())("client ledger (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  /** A self-pay client with one $175 invoice per date, each issued (Open) on its session's date. */
  const clientWithInvoices = async (p: PracticeFixture, dates: string[]) => {
    const clientId = await createClient(database, p, now, { paysBy: "self_pay" });
    const invoiceIds: string[] = [];
    for (const date of dates) invoiceIds.push(await issue(p, clientId, date));
    return { clientId, invoiceIds };
  };
  const issue = async (p: PracticeFixture, clientId: string, date: string): Promise<string> => {
    await createAppointment(database, p, clientId, now, { localStart: `${date}T09:00`, status: "kept" });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: date },
      now,
    );
    const [row] = await database.db
      .select({ id: tables.invoices.id })
      .from(tables.invoices)
      .where(and(eq(tables.invoices.clientId, clientId), eq(tables.invoices.invoiceDate, date)));
    return row!.id;
  };
  const invoice = async (id: string) =>
    (await database.db.select().from(tables.invoices).where(eq(tables.invoices.id, id)))[0]!;
  const ledgerOf = (clientId: string) =>
    database.db
      .select()
      .from(tables.ledgerEntries)
      .where(eq(tables.ledgerEntries.clientId, clientId))
      .orderBy(asc(tables.ledgerEntries.id));
  const counts = async () =>
    rowsOf<Record<string, number>>(
      await database.db.execute(sql`SELECT (SELECT count(*)::int FROM ledger_entries) AS ledger,
        (SELECT count(*)::int FROM payments) AS payments, (SELECT count(*)::int FROM payment_allocations) AS allocations,
        (SELECT count(*)::int FROM refunds) AS refunds, (SELECT count(*)::int FROM client_write_offs) AS write_offs,
        (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT sum(client_paid_cents + client_written_off_cents)::int FROM invoices) AS invoice_totals`),
    )[0]!;
  const balance = (p: PracticeFixture, clientId: string) =>
    getClientBalance(database, { actor: p.actor, clientId, now });
  const pay = (p: PracticeFixture, clientId: string, amountCents: number, more: object = {}) =>
    recordClientPayment(database, {
      actor: p.actor,
      clientId,
      method: "cash",
      amountCents,
      idempotencyKey: key(),
      now,
      ...more,
    });

  it("an issued invoice charges the client's share; a payment goes oldest first (date, then number)", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-03", "2026-03-02", "2026-03-04"]);
    const [march3, march2, march4] = invoiceIds as [string, string, string];
    expect((await ledgerOf(clientId)).map((e) => [e.kind, e.amountCents, e.effectiveOn])).toEqual([
      ["charge", 17500, "2026-03-03"],
      ["charge", 17500, "2026-03-02"],
      ["charge", 17500, "2026-03-04"],
    ]);
    expect(await balance(p, clientId)).toMatchObject({ balanceCents: 52500, creditOnAccountCents: 0 });
    expect((await invoice(march2)).paymentStatus).toBe("unpaid");

    const paid = await pay(p, clientId, 20000, { method: "check", reference: "1042" });
    expect(paid.allocations.map((a) => [a.invoiceId, a.amountCents])).toEqual([
      [march2, 17500],
      [march3, 2500],
    ]);
    expect(paid).toMatchObject({ creditCents: 0, replayed: false });
    expect(paid.payment).toMatchObject({
      method: "check",
      reference: "1042",
      appliedCents: 20000,
      unappliedCents: 0,
    });
    expect(await invoice(march2)).toMatchObject({
      paymentStatus: "paid",
      status: "open",
      clientPaidCents: 17500,
    });
    expect(await invoice(march3)).toMatchObject({ paymentStatus: "partially_paid", clientPaidCents: 2500 });
    expect((await invoice(march4)).paymentStatus).toBe("unpaid");
    const history = await database.db
      .select()
      .from(tables.invoicePaymentStatusHistory)
      .where(eq(tables.invoicePaymentStatusHistory.invoiceId, march2));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([["unpaid", "paid"]]);
    const ledger = await ledgerOf(clientId);
    expect(ledger.at(-1)).toMatchObject({ kind: "payment", amountCents: -20000, paymentId: paid.payment.id });
    expect(await balance(p, clientId)).toMatchObject({
      balanceCents: 32500,
      openInvoicesCents: 32500,
      creditOnAccountCents: 0,
    });
  });

  it("a payment applied to chosen invoices, in the order chosen; the rest is credit", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-02", "2026-03-03"]);
    const [older, newer] = invoiceIds as [string, string];
    const paid = await pay(p, clientId, 20000, {
      apply: { kind: "chosen", invoices: [{ invoiceId: newer }] },
    });
    expect(paid.allocations.map((a) => [a.invoiceId, a.amountCents])).toEqual([[newer, 17500]]);
    expect(paid.creditCents).toBe(2500);
    expect((await invoice(older)).paymentStatus).toBe("unpaid");
    expect((await invoice(newer)).paymentStatus).toBe("paid");
    const part = await pay(p, clientId, 1000, {
      apply: { kind: "chosen", invoices: [{ invoiceId: older, amountCents: 600 }] },
    });
    expect(part).toMatchObject({ creditCents: 400 });
    expect(await invoice(older)).toMatchObject({ paymentStatus: "partially_paid", clientPaidCents: 600 });
    expect(await balance(p, clientId)).toMatchObject({
      balanceCents: 35000 - 21000,
      openInvoicesCents: 16900,
      creditOnAccountCents: 2900,
    });
  });

  it("an overpayment is credit on account that the next invoice issued consumes", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-02"]);
    const paid = await pay(p, clientId, 20000);
    expect(paid.creditCents).toBe(2500);
    expect(await balance(p, clientId)).toMatchObject({ balanceCents: -2500, creditOnAccountCents: 2500 });
    expect((await invoice(invoiceIds[0]!)).paymentStatus).toBe("paid");

    const next = await issue(p, clientId, "2026-03-05");
    expect(await invoice(next)).toMatchObject({ paymentStatus: "partially_paid", clientPaidCents: 2500 });
    const allocations = await database.db
      .select()
      .from(tables.paymentAllocations)
      .where(eq(tables.paymentAllocations.invoiceId, next));
    expect(allocations.map((a) => [a.paymentId, a.amountCents, a.cause])).toEqual([
      [paid.payment.id, 2500, "credit"],
    ]);
    expect(await balance(p, clientId)).toMatchObject({
      balanceCents: 15000,
      openInvoicesCents: 15000,
      creditOnAccountCents: 0,
    });
    // Nothing left: the invoice after that takes nothing.
    const third = await issue(p, clientId, "2026-03-06");
    expect(await invoice(third)).toMatchObject({ paymentStatus: "unpaid", clientPaidCents: 0 });
  });

  it("a pended invoice enters the ledger when it is opened, and takes credit then", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    await configure(database, p, now, (c) => {
      c.invoiceCreationMode = "manual";
    });
    const clientId = await createClient(database, p, now, { paysBy: "self_pay" });
    await pay(p, clientId, 5000);
    const pended = await issue(p, clientId, "2026-03-02");
    expect((await invoice(pended)).status).toBe("pended");
    expect((await ledgerOf(clientId)).map((e) => e.kind)).toEqual(["payment"]);
    const [opened] = await openInvoices(database, { actor: p.actor, invoiceIds: [pended], now });
    expect(opened).toMatchObject({ status: "open", paymentStatus: "partially_paid", clientPaidCents: 5000 });
    expect((await ledgerOf(clientId)).map((e) => [e.kind, e.amountCents])).toEqual([
      ["payment", -5000],
      ["charge", 17500],
    ]);
  });

  it("a refund reverses a payment in part, then whole, never more than what remains", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-02", "2026-03-03"]);
    const [older, newer] = invoiceIds as [string, string];
    const paid = await pay(p, clientId, 40000);
    expect(paid.creditCents).toBe(5000);
    const refund = (amountCents: number) =>
      refundClientPayment(database, {
        actor: p.actor,
        clientId,
        paymentId: paid.payment.id,
        amountCents,
        reason: "overpaid",
        now,
      });
    // Out of the credit first: the invoices stay paid.
    const first = await refund(3000);
    expect(first).toMatchObject({ fromCreditCents: 3000, fromInvoices: [] });
    expect((await invoice(newer)).paymentStatus).toBe("paid");
    // Then from the invoices, the last paid first.
    const second = await refund(4000);
    expect(second.fromCreditCents).toBe(2000);
    expect(second.fromInvoices).toEqual([
      { invoiceId: newer, invoiceNumber: expect.any(String), amountCents: 2000 },
    ]);
    expect(await invoice(newer)).toMatchObject({ paymentStatus: "partially_paid", clientPaidCents: 15500 });
    expect(second.payment).toMatchObject({ refundedCents: 7000, appliedCents: 33000, unappliedCents: 0 });

    const before = await counts();
    expect(await codeOf(refund(33001))).toBe("REFUND_EXCEEDS_PAYMENT");
    expect(await codeOf(refund(0))).toBe("INVALID_AMOUNT");
    expect(await codeOf(refund(-100))).toBe("INVALID_AMOUNT");
    expect(await counts()).toEqual(before);

    const rest = await refund(33000);
    expect(rest.payment).toMatchObject({ refundedCents: 40000, appliedCents: 0, unappliedCents: 0 });
    expect(await invoice(older)).toMatchObject({ paymentStatus: "unpaid", clientPaidCents: 0 });
    expect(await invoice(newer)).toMatchObject({ paymentStatus: "unpaid", clientPaidCents: 0 });
    expect(await codeOf(refund(1))).toBe("REFUND_EXCEEDS_PAYMENT");
    expect(await balance(p, clientId)).toMatchObject({ balanceCents: 35000, creditOnAccountCents: 0 });
    const kinds = (await ledgerOf(clientId)).map((e) => [e.kind, e.amountCents]);
    expect(kinds.slice(2)).toEqual([
      ["payment", -40000],
      ["refund", 3000],
      ["refund", 4000],
      ["refund", 33000],
    ]);
  });

  it("a write-off or adjustment settles client responsibility, never more than is open", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-02"]);
    const id = invoiceIds[0]!;
    await pay(p, clientId, 10000);
    const writeOff = (amountCents: number | undefined, kind: "write_off" | "adjustment" = "write_off") =>
      writeOffClientBalance(database, {
        actor: p.actor,
        clientId,
        invoiceId: id,
        kind,
        amountCents,
        reason: "hardship",
        now,
      });
    const before = await counts();
    expect(await codeOf(writeOff(7501))).toBe("EXCEEDS_OPEN_AMOUNT");
    expect(await codeOf(writeOff(0))).toBe("INVALID_AMOUNT");
    expect(await counts()).toEqual(before);
    const adjusted = await writeOff(500, "adjustment");
    expect(adjusted).toMatchObject({
      kind: "adjustment",
      amountCents: 500,
      invoicePaymentStatus: "partially_paid",
    });
    const rest = await writeOff(undefined);
    expect(rest).toMatchObject({ amountCents: 7000, invoicePaymentStatus: "paid" });
    expect(await invoice(id)).toMatchObject({ clientWrittenOffCents: 7500, paymentStatus: "paid" });
    expect(await codeOf(writeOff(undefined))).toBe("INVALID_AMOUNT");
    expect((await ledgerOf(clientId)).slice(-2).map((e) => [e.kind, e.amountCents, e.writeOffId])).toEqual([
      ["adjustment", -500, adjusted.id],
      ["write_off", -7000, rest.id],
    ]);
    expect((await balance(p, clientId)).balanceCents).toBe(0);
    // Voided (its payment moved to credit first): what it still charged is reversed, the payment is credit
    // again, and nothing is left to write off.
    expect(
      await codeOf(
        voidInvoice(database, {
          actor: p.actor,
          invoiceId: id,
          reason: "duplicate",
          disposition: "correction",
          now,
        }),
      ),
    ).toBe("INVOICE_HAS_PAYMENTS");
    await moveInvoicePaymentsToCredit(database, { actor: p.actor, invoiceId: id, now });
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId: id,
      reason: "duplicate",
      disposition: "correction",
      now,
    });
    expect(await balance(p, clientId)).toMatchObject({ balanceCents: -10000, creditOnAccountCents: 10000 });
    expect(await codeOf(writeOff(1))).toBe("ILLEGAL_TRANSITION");
  });

  it("refuses bad amounts and another client's or practice's invoices, writing nothing", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const other = await createBillingPractice(database, ZONE, now, "Other Practice");
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-02"]);
    const sibling = await clientWithInvoices(p, ["2026-03-03"]);
    const foreign = await clientWithInvoices(other, ["2026-03-03"]);
    const before = await counts();
    for (const amountCents of [0, -100, 10.5])
      expect(await codeOf(pay(p, clientId, amountCents))).toBe("INVALID_AMOUNT");
    const chosen = (invoiceId: string, amountCents?: number) => ({
      apply: { kind: "chosen", invoices: [{ invoiceId, amountCents }] },
    });
    expect(await codeOf(pay(p, clientId, 5000, chosen(sibling.invoiceIds[0]!)))).toBe("NOT_FOUND");
    expect(await codeOf(pay(p, clientId, 5000, chosen(foreign.invoiceIds[0]!)))).toBe("NOT_FOUND");
    expect(await codeOf(pay(p, foreign.clientId, 5000))).toBe("NOT_FOUND");
    expect(await codeOf(pay(p, clientId, 20000, chosen(invoiceIds[0]!, 17501)))).toBe("EXCEEDS_OPEN_AMOUNT");
    expect(
      await codeOf(
        writeOffClientBalance(database, {
          actor: p.actor,
          clientId,
          invoiceId: foreign.invoiceIds[0]!,
          kind: "write_off",
          reason: "x",
          now,
        }),
      ),
    ).toBe("NOT_FOUND");
    const foreignPayment = await pay(other, foreign.clientId, 100);
    expect(
      await codeOf(
        refundClientPayment(database, {
          actor: p.actor,
          clientId,
          paymentId: foreignPayment.payment.id,
          amountCents: 100,
          reason: "x",
          now,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(balance(p, foreign.clientId))).toBe("NOT_FOUND");
    expect(await codeOf(pay(p, clientId, 100, { method: "card" }))).toBe("VALIDATION_FAILED");
    expect(await codeOf(pay(p, clientId, 100, { cardChargeId: "ch_1" }))).toBe("VALIDATION_FAILED");
    expect(await codeOf(pay(p, clientId, 100, { receivedOn: "2026-03-11" }))).toBe("INVALID_DATE");
    const after = await counts();
    // Only the other practice's own payment was written (its payment, ledger entry, allocation and audit row).
    expect(after).toEqual({
      ...before,
      payments: before.payments! + 1,
      ledger: before.ledger! + 1,
      allocations: before.allocations! + 1,
      audit: before.audit! + 1,
      invoice_totals: before.invoice_totals! + 100,
    });
  });

  it("a retried payment with the same idempotency key records it once; other terms under it are refused", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId } = await clientWithInvoices(p, ["2026-03-02"]);
    const input = {
      actor: p.actor,
      clientId,
      method: "card" as const,
      cardChargeId: "ch_123",
      amountCents: 5000,
      idempotencyKey: "autopay-attempt-1",
      now,
    };
    const first = await recordClientPayment(database, input);
    const again = await recordClientPayment(database, input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await codeOf(recordClientPayment(database, { ...input, amountCents: 5001 }))).toBe("CONFLICT");
    const payments = await listClientPayments(database, { actor: p.actor, clientId, limit: 10, now });
    expect(payments.data.map((x) => x.id)).toEqual([first.payment.id]);
    expect((await balance(p, clientId)).balanceCents).toBe(12500);
  });

  it.runIf(backend === "postgres")(
    "two concurrent payments with one idempotency key record one",
    async () => {
      const p = await createBillingPractice(database, ZONE, now);
      const { clientId } = await clientWithInvoices(p, ["2026-03-02"]);
      const input = {
        actor: p.actor,
        clientId,
        method: "cash" as const,
        amountCents: 5000,
        idempotencyKey: "k-race",
        now,
      };
      const results = await Promise.all([
        recordClientPayment(database, input),
        recordClientPayment(database, input),
      ]);
      expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
      expect(results[0]!.payment.id).toBe(results[1]!.payment.id);
      const rows = await database.db
        .select()
        .from(tables.payments)
        .where(eq(tables.payments.clientId, clientId));
      expect(rows).toHaveLength(1);
      expect((await balance(p, clientId)).balanceCents).toBe(12500);
    },
  );

  it("a void is refused while payments are on the invoice; moved to credit, the void reverses its charge", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId, invoiceIds } = await clientWithInvoices(p, ["2026-03-02", "2026-03-03"]);
    const [older, newer] = invoiceIds as [string, string];
    await pay(p, clientId, 17500);
    const refused = await codeOf(
      voidInvoice(database, {
        actor: p.actor,
        invoiceId: older,
        reason: "wrong client",
        disposition: "correction",
        now,
      }),
    );
    expect(refused).toBe("INVOICE_HAS_PAYMENTS");
    expect(await invoice(older)).toMatchObject({ status: "open", clientPaidCents: 17500 });
    const moved = await moveInvoicePaymentsToCredit(database, { actor: p.actor, invoiceId: older, now });
    expect(moved.movedCents).toBe(17500);
    expect(await balance(p, clientId)).toMatchObject({ balanceCents: 17500, creditOnAccountCents: 17500 });
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId: older,
      reason: "wrong client",
      disposition: "correction",
      now,
    });
    expect(await invoice(older)).toMatchObject({
      status: "void",
      clientPaidCents: 0,
      paymentStatus: "unpaid",
    });
    expect((await ledgerOf(clientId)).at(-1)).toMatchObject({ kind: "adjustment", amountCents: -17500 });
    expect(await balance(p, clientId)).toMatchObject({ balanceCents: 0, creditOnAccountCents: 17500 });
    expect(
      (await listOpenClientBalances(database.db, { practiceId: p.practiceId, clientIds: [clientId] }))[0],
    ).toMatchObject({ openCents: 17500, invoices: [{ invoiceId: newer, openCents: 17500 }] });
  });

  it("lists open balances per client oldest first, pages the ledger, and states a date range", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const a = await clientWithInvoices(p, ["2026-03-03", "2026-03-02"]);
    const b = await clientWithInvoices(p, ["2026-03-04"]);
    const settled = await clientWithInvoices(p, ["2026-03-04"]);
    await pay(p, settled.clientId, 17500);
    await pay(p, a.clientId, 1000, { receivedOn: "2026-03-05" });
    const open = await listOpenClientBalances(database.db, { practiceId: p.practiceId });
    const byClient = new Map(open.map((o) => [o.clientId, o]));
    expect(byClient.has(settled.clientId)).toBe(false);
    expect(byClient.get(a.clientId)).toMatchObject({
      openCents: 34000,
      invoices: [
        { invoiceId: a.invoiceIds[1], openCents: 16500, paymentStatus: "partially_paid" },
        { invoiceId: a.invoiceIds[0], openCents: 17500, paymentStatus: "unpaid" },
      ],
    });
    expect(byClient.get(b.clientId)?.openCents).toBe(17500);
    expect(
      await listOpenClientBalances(database.db, { practiceId: p.practiceId, clientIds: [b.clientId] }),
    ).toHaveLength(1);

    const page1 = await listClientLedger(database, { actor: p.actor, clientId: a.clientId, limit: 2, now });
    expect(page1.data.map((e) => [e.kind, e.amountCents, e.balanceAfterCents])).toEqual([
      ["payment", -1000, 34000],
      ["charge", 17500, 35000],
    ]);
    const page2 = await listClientLedger(database, {
      actor: p.actor,
      clientId: a.clientId,
      limit: 2,
      cursor: page1.nextCursor!,
      now,
    });
    expect(page2.data.map((e) => [e.kind, e.balanceAfterCents])).toEqual([["charge", 17500]]);
    expect(page2.nextCursor).toBeNull();

    const statement = await loadClientStatement(database.db, {
      practiceId: p.practiceId,
      clientId: a.clientId,
      from: "2026-03-03",
      to: "2026-03-05",
    });
    expect(statement).toMatchObject({
      balanceForwardCents: 17500,
      endingBalanceCents: 34000,
      amountDueCents: 34000,
      creditOnAccountCents: 0,
      client: { name: "Test Client", addressLines: ["9 Elm Street", "Austin, TX 78701"] },
      practice: { name: "Fixture Practice" },
    });
    expect(statement.lines.map((l) => [l.date, l.kind, l.amountCents, l.invoiceNumber !== null])).toEqual([
      ["2026-03-03", "charge", 17500, true],
      ["2026-03-05", "payment", -1000, false],
    ]);
    expect(
      await codeOf(
        loadClientStatement(database.db, {
          practiceId: p.practiceId,
          clientId: a.clientId,
          from: "2026-03-05",
          to: "2026-03-01",
        }),
      ),
    ).toBe("INVALID_DATE");
  });

  it("the ledger and the money tables are append-only", async () => {
    const p = await createBillingPractice(database, ZONE, now);
    const { clientId } = await clientWithInvoices(p, ["2026-03-02"]);
    await pay(p, clientId, 1000);
    for (const statement of [
      sql`UPDATE ledger_entries SET amount_cents = 1 WHERE client_id = ${clientId}::uuid`,
      sql`DELETE FROM ledger_entries WHERE client_id = ${clientId}::uuid`,
      sql`UPDATE payments SET amount_cents = 1 WHERE client_id = ${clientId}::uuid`,
      sql`DELETE FROM payment_allocations WHERE client_id = ${clientId}::uuid`,
      sql`TRUNCATE ledger_entries CASCADE`,
    ]) {
      const refused = await database.db.execute(statement).then(
        () => "done",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
      expect(refused).toMatch(/append-only/);
    }
    expect((await ledgerOf(clientId)).map((e) => e.amountCents)).toEqual([17500, -1000]);
    // The sign of an entry follows its kind.
    await expect(
      database.db.insert(tables.ledgerEntries).values({
        id: crypto.randomUUID(),
        practiceId: p.practiceId,
        clientId,
        kind: "payment",
        amountCents: 500,
        effectiveOn: "2026-03-02",
        description: "x",
        createdAt: now,
        actor: "test",
      }),
    ).rejects.toThrow();
  });
});
