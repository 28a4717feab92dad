import { createHash } from "node:crypto";
import {
  createEmployerBatch,
  createInvoices,
  importInboundFile,
  issueBillDocument,
  processInvoices,
  recordClientPayment,
  recordEmployerReceipt,
  saveRuleSet,
  signPayLink,
  signShareLink,
  transitionClaims,
} from "@billcycle/app";
import { newId, tables } from "@billcycle/db";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Harness, PracticeFixture } from "./api-harness";
import { createBody, refsOf } from "./bodies";
import { era835 } from "./x12-files";

/**
 * Records only the billing engine creates (no POST route makes them): an automation run, an open invoice that
 * Invoice Processing turned into a claim, and a Pended invoice waiting for review. Made through the engine's
 * own use cases from two kept, signed sessions created through the API.
 */
export const engineSeeded = ["invoices", "claims", "automation-runs", "remittances"] as const;

export const seedEngineRecords = async (h: Harness, p: PracticeFixture): Promise<void> => {
  const token = p.users.owner.token;
  const base = `/api/v1/practices/${p.id}`;
  const sessions: string[] = [];
  const datesOfService: string[] = [];
  for (const [startsAt, endsAt] of [
    ["2026-03-02T15:00:00Z", "2026-03-02T16:00:00Z"],
    ["2026-03-02T17:00:00Z", "2026-03-02T18:00:00Z"],
  ] as const) {
    const appointment = await h.call("POST", `${base}/appointments`, {
      token,
      body: { ...createBody("appointments", refsOf(p)), startsAt, endsAt },
    });
    const id = String(appointment.json.id);
    const note = await h.call("POST", `${base}/progress-notes`, {
      token,
      body: { ...createBody("progress-notes", { ...refsOf(p), appointments: id }) },
    });
    const kept = await h.call("POST", `${base}/appointments/${id}/status`, {
      token,
      body: { status: "kept" },
    });
    if (appointment.status !== 201 || note.status !== 201 || kept.status !== 200) {
      throw new Error(`engine seed sessions: ${appointment.text} ${note.text} ${kept.text}`);
    }
    sessions.push(id);
    datesOfService.push(String(appointment.json.dateOfService));
  }
  // "Today" for the runs: the sessions' date of service in the practice's zone, and the next day for
  // Invoice Processing (the staggered cadence processes invoices from earlier days).
  const today = datesOfService.sort().at(-1)!;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  const now = h.clock.now();
  const runId = newId(now.getTime());
  await h.database.db.insert(tables.automationRuns).values({
    id: runId,
    practiceId: p.id,
    automation: "invoice_creation",
    trigger: "manual",
    localDate: today,
    scheduledAt: now,
    status: "done",
    createdAt: now,
  });
  const nightly = await createInvoices(
    h.database,
    { practiceId: p.id, trigger: "manual", runId, today, appointmentIds: [sessions[0]!], mode: "nightly" },
    now,
  );
  const processed = await processInvoices(
    h.database,
    { practiceId: p.id, trigger: "manual", runId: null, today: tomorrow },
    now,
  );
  const review = await createInvoices(
    h.database,
    {
      practiceId: p.id,
      trigger: "manual",
      runId: null,
      today,
      appointmentIds: [sessions[1]!],
      mode: "manual",
    },
    now,
  );
  const [pended] = await h.database.db
    .select({ id: tables.invoices.id, version: tables.invoices.version })
    .from(tables.invoices)
    .where(and(eq(tables.invoices.practiceId, p.id), eq(tables.invoices.status, "pended")));
  const [claim] = await h.database.db
    .select({ id: tables.claims.id, version: tables.claims.version })
    .from(tables.claims)
    .where(eq(tables.claims.practiceId, p.id));
  if (!pended || !claim) {
    throw new Error(
      `engine seed made no ${pended ? "claim" : "pended invoice"}: ${JSON.stringify({ nightly, processed, review })}`,
    );
  }
  p.records.invoices = pended;
  p.records.claims = claim;
  p.records["automation-runs"] = { id: runId, version: 1 };
  // An 835 for a claim we never sent: a remittance, its inbound file and a work-queue item.
  const imported = await importInboundFile(
    h.database,
    p.id,
    {
      name: `seed-${runId}.835`,
      content: era835({
        trace: `SEED-${runId}`,
        claims: [{ pcn: "NOT-OURS", chargeCents: 10000, paidCents: 10000 }],
      }),
    },
    now,
    "test",
  );
  const remittanceId = imported.remittances?.[0]?.remittanceId;
  const [item] = await h.database.db
    .select({ id: tables.workQueueItems.id })
    .from(tables.workQueueItems)
    .where(eq(tables.workQueueItems.practiceId, p.id));
  if (!remittanceId || !item) throw new Error(`engine seed made no remittance: ${JSON.stringify(imported)}`);
  p.records.remittances = { id: remittanceId, version: 1 };
  p.records.files = { id: imported.fileId, version: 1 };
  p.records["work-queue"] = { id: item.id, version: 1 };
  // A client payment (routes under clients/{clientId}/payments/{paymentId}).
  const clientId = p.records.clients?.id;
  if (!clientId) throw new Error("engine seed: no client for a payment");
  const paid = await recordClientPayment(h.database, {
    actor: { userId: null, practiceId: p.id, role: "owner", label: "test" },
    clientId,
    method: "cash",
    amountCents: 5000,
    idempotencyKey: `seed-${runId}`,
    now,
  });
  p.records.payments = { id: paid.payment.id, version: 1 };
  // An issued statement of the pended invoice's client, for the routes that address a document.
  const [client] = await h.database.db
    .select({ clientId: tables.invoices.clientId })
    .from(tables.invoices)
    .where(eq(tables.invoices.id, pended.id));
  const documentId = newId();
  const pdf = Buffer.from("%PDF-1.4\n% seed statement\n%%EOF\n", "latin1");
  await h.database.db.insert(tables.documents).values({
    id: documentId,
    practiceId: p.id,
    clientId: client!.clientId,
    kind: "statement",
    number: `ST-${documentId.slice(-6)}`,
    status: "issued",
    amountCents: 0,
    source: "user",
    issuedAt: now,
    pdf,
    pdfSha256: createHash("sha256").update(pdf).digest("hex"),
    pdfBytes: pdf.byteLength,
  });
  p.records.documents = { id: documentId, version: 1 };
  // A link to it as a share email carries one, and a share of the pended invoice that used up its attempts.
  const sharedLink = signShareLink(h.shareLinkKey, {
    practiceId: p.id,
    documentId,
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
  });
  p.records["shared-documents"] = { id: sharedLink, version: 1 };
  const shareId = newId();
  await h.database.db.insert(tables.documentShares).values({
    id: shareId,
    practiceId: p.id,
    clientId: client!.clientId,
    subjectType: "invoice",
    kind: "invoice",
    invoiceId: pended.id,
    status: "failed",
    dueAt: now,
    attempts: 5,
    reasonCode: "SMTP_UNAVAILABLE",
    reasons: [{ code: "SMTP_UNAVAILABLE", message: "the mail server could not be reached" }],
    finishedAt: now,
  });
  p.records["document-shares"] = { id: shareId, version: 1 };
  // A bill document for the pended invoice (documents are issued, never created through a resource route).
  const bill = await issueBillDocument(h.database, {
    practiceId: p.id,
    invoiceId: pended.id,
    now,
    source: "user",
  });
  p.records.documents = { id: bill.document.id, version: 1 };
  // A session whose note is not signed yet, with a biller's request that its provider sign it.
  const unsigned = await h.call("POST", `${base}/appointments`, {
    token,
    body: {
      ...createBody("appointments", refsOf(p)),
      startsAt: "2026-03-03T15:00:00Z",
      endsAt: "2026-03-03T16:00:00Z",
    },
  });
  const request = await h.call(
    "POST",
    `${base}/appointments/${String(unsigned.json.id)}/note/signature-request`,
    {
      token,
      body: { message: "Please sign" },
    },
  );
  if (unsigned.status !== 201 || request.json.created !== true) {
    throw new Error(`engine seed signature request: ${unsigned.text} ${request.text}`);
  }
  // Outreach: a rule set and an invoice set of the client (the set written as it would be, balance or not).
  const actor = { userId: null, practiceId: p.id, role: "owner" as const, label: "system:seed" };
  const ruleSet = await saveRuleSet(h.database, {
    actor,
    body: {
      name: "Seeded rules",
      isDefault: true,
      steps: [
        {
          dayOffset: 0,
          channel: "sms",
          template: "Hi {first_name}",
          sendWindow: { start: "09:00", end: "20:00" },
        },
      ],
    },
    now,
  });
  p.records["outreach-rule-sets"] = { id: ruleSet.id, version: 1 };
  const setId = newId();
  await h.database.db.insert(tables.outreachSets).values({
    id: setId,
    practiceId: p.id,
    clientId: client!.clientId,
    ruleSetId: ruleSet.id,
    startedBy: "manual",
    movedAt: now,
    nextSendAt: now,
  });
  p.records["outreach-sets"] = { id: setId, version: 1 };
  p.records["pay-links"] = {
    id: signPayLink(h.shareLinkKey, {
      practiceId: p.id,
      setId,
      expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    }),
    version: 1,
  };
  await seedEmployerBilling(h, p);
};

/**
 * Employer billing: invoices on, a Kept session billed to the fixture's employer, batched (an invoice and its batch
 * number), and a receipt with nothing applied.
 */
const seedEmployerBilling = async (h: Harness, p: PracticeFixture): Promise<void> => {
  const token = p.users.owner.token;
  const base = `/api/v1/practices/${p.id}`;
  const now = h.clock.now();
  const actor = { userId: null, practiceId: p.id, role: "owner" as const, label: "test" };
  const employerId = p.records.employers?.id;
  if (!employerId) throw new Error("employer seed: no employer");
  await h.database.db.execute(sql`
    UPDATE practices SET billing_settings = billing_settings || '{"invoicesEnabled": true}'::jsonb WHERE id = ${p.id}`);
  const appointment = await h.call("POST", `${base}/appointments`, {
    token,
    body: {
      ...createBody("appointments", refsOf(p)),
      startsAt: "2026-03-03T15:00:00Z",
      endsAt: "2026-03-03T16:00:00Z",
      billTo: "employer",
      billToEmployerId: employerId,
      authorizationNumber: "PO-1",
    },
  });
  const id = String(appointment.json.id);
  const kept = await h.call("POST", `${base}/appointments/${id}/status`, { token, body: { status: "kept" } });
  if (appointment.status !== 201 || kept.status !== 200) {
    throw new Error(`employer seed session: ${appointment.text} ${kept.text}`);
  }
  const batch = await createEmployerBatch(h.database, { actor, employerId, now });
  const receipt = await recordEmployerReceipt(h.database, {
    actor,
    employerId,
    method: "check",
    reference: "SEED-1",
    receivedOn: new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10),
    amountCents: 1000,
    now,
  });
  p.records["employer-batches"] = { id: String(batch.batch.number), version: 1 };
  p.records["employer-invoices"] = { id: batch.invoices[0]!.id, version: 1 };
  p.records["employer-encounters"] = { id, version: 1 };
  p.records["employer-receipts"] = { id: receipt.id, version: 1 };
};

/**
 * A claim sent and denied by the payer's 835 (CO-50, a denial by the practice's rule), so the denials queue has a
 * row: its own kept session, invoiced and claimed, beside the engine seed's records (which it leaves as they are).
 */
export const seedDeniedClaim = async (h: Harness, p: PracticeFixture): Promise<void> => {
  const token = p.users.owner.token;
  const base = `/api/v1/practices/${p.id}`;
  const now = h.clock.now();
  const appointment = await h.call("POST", `${base}/appointments`, {
    token,
    body: {
      ...createBody("appointments", refsOf(p)),
      startsAt: "2026-03-02T19:00:00Z",
      endsAt: "2026-03-02T20:00:00Z",
    },
  });
  const id = String(appointment.json.id);
  const note = await h.call("POST", `${base}/progress-notes`, {
    token,
    body: { ...createBody("progress-notes", { ...refsOf(p), appointments: id }) },
  });
  const kept = await h.call("POST", `${base}/appointments/${id}/status`, { token, body: { status: "kept" } });
  const rule = await h.call("POST", `${base}/posting-rules`, {
    token,
    body: { payerId: refsOf(p).payers, groupCode: "CO", reasonCode: "50", action: "denial" },
  });
  if (appointment.status !== 201 || note.status !== 201 || kept.status !== 200 || rule.status !== 201) {
    throw new Error(`denied claim seed: ${appointment.text} ${note.text} ${kept.text} ${rule.text}`);
  }
  const today = String(appointment.json.dateOfService);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const run = { practiceId: p.id, trigger: "manual" as const, runId: null };
  await createInvoices(h.database, { ...run, today, appointmentIds: [id], mode: "nightly" }, now);
  await processInvoices(h.database, { ...run, today: tomorrow }, now);
  const [claim] = await h.database.db
    .select({
      id: tables.claims.id,
      pcn: tables.claims.patientControlNumber,
      totalCents: tables.claims.totalCents,
    })
    .from(tables.claims)
    .where(
      and(
        eq(tables.claims.practiceId, p.id),
        eq(tables.claims.status, "awaiting_submission"),
        ...(p.records.claims ? [ne(tables.claims.id, p.records.claims.id)] : []),
      ),
    );
  if (!claim) throw new Error("denied claim seed: the session was not claimed");
  await h.database.db.transaction((tx) =>
    transitionClaims(tx, {
      practiceId: p.id,
      claimIds: [claim.id],
      to: "submitted",
      now,
      actor: "test",
      cause: { kind: "file", fileId: "seed" },
    }),
  );
  const imported = await importInboundFile(
    h.database,
    p.id,
    {
      name: `seed-denial-${claim.id}.835`,
      content: era835({
        trace: `DENY-${claim.id.slice(-12)}`,
        claims: [
          {
            pcn: claim.pcn,
            status: "4",
            chargeCents: claim.totalCents,
            paidCents: 0,
            adjustments: [["CO", "50", claim.totalCents]],
          },
        ],
      }),
    },
    now,
    "test",
  );
  const [denied] = await h.database.db
    .select({ version: tables.claims.version })
    .from(tables.claims)
    .where(and(eq(tables.claims.id, claim.id), eq(tables.claims.adjudication, "denied")));
  if (!denied) throw new Error(`denied claim seed: the claim was not denied: ${JSON.stringify(imported)}`);
  p.records["denied-claims"] = { id: claim.id, version: denied.version };
};
