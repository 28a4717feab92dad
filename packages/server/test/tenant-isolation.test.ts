import { resources } from "@billcycle/app";
import { roles } from "@billcycle/core";
import { isUuid } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import {
  type ApiResponse,
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody, type Json, patchBody } from "@billcycle/testing/bodies";
import { practiceSnapshot, rowCounts, sqlRows } from "@billcycle/testing/db-state";
import { seedDeniedClaim } from "@billcycle/testing/engine-records";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bodyFor,
  documentedOperations,
  fillPath,
  headersFor,
  isScoped,
  label,
  type Operation,
  practiceState,
  resourceOf,
  unscopedOperations,
} from "./support/routes";

/** The API has 63 practice-scoped operations today; fewer means the walk silently lost routes. */
const MIN_SCOPED_OPERATIONS = 60;

const outcome = (op: Operation, res: ApiResponse) => `${label(op)} → ${res.status} ${errorCode(res) ?? ""}`;

const practicePrefix = "/api/v1/practices/{practiceId}";

/** Per route, the refusal only a found record can give, as the walk leaves it (earlier routes acted on it). */
const refusalOfAFoundRecord: Record<string, string> = {
  "/claims/{id}/follow-up": "CLAIM_NOT_DENIED", // the walk's claim was never denied
  "/employer-billing/batches": "NOTHING_TO_INVOICE", // the employer's encounter is batched already
  "/employer-billing/invoices/{invoiceId}/void": "CONFLICT", // voided by an earlier route
  "/employer-billing/invoices/{invoiceId}/email": "VALIDATION_FAILED", // the employer has no billing email
  "/employer-billing/receipts/{receiptId}/applications": "EXCEEDS_OPEN_AMOUNT", // the invoice is void or paid
  "/appointments/{id}/note/signature-request": "CONFLICT", // the walk's note is signed
  "/outreach/sets": "CONFLICT", // the seeded client has an open invoice set already
};

describe.each(testBackends())("tenant isolation on %s", (backend) => {
  let h: Harness;
  let a: PracticeFixture;
  let b: PracticeFixture;
  let ops: Operation[];
  let scoped: Operation[];

  // B's globally unique ids; a per-practice number (an employer batch's 1000) is in A's own data as well.
  const bIds = () => [b.id, ...Object.values(b.records).map((r) => r.id)].filter(isUuid);

  beforeAll(async () => {
    h = await openHarness(backend);
    a = await h.newPractice("A");
    b = await h.newPractice("B");
    await h.seedRecords(a, { engine: true });
    await h.seedRecords(b, { engine: true });
    // A denied claim each, so the denials list has rows to check too.
    await seedDeniedClaim(h, a);
    await seedDeniedClaim(h, b);
    ops = await documentedOperations(h);
    scoped = ops.filter(isScoped);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it("walks every route of the OpenAPI document: practice-scoped, or one of the few known unscoped ones", async () => {
    const unscoped = ops.filter((op) => !isScoped(op)).map(label);
    expect(unscoped.sort()).toEqual([...unscopedOperations].sort());
    expect(scoped.length).toBeGreaterThanOrEqual(MIN_SCOPED_OPERATIONS);
    // Every resource in the registry is reachable by list, get, create and update.
    for (const def of resources) {
      const base = `/api/v1/practices/{practiceId}/${def.path}`;
      const have = scoped.map(label);
      expect(have).toEqual(expect.arrayContaining([`GET ${base}`, `GET ${base}/{id}`]));
      if (def.writable !== false) {
        expect(have).toEqual(expect.arrayContaining([`POST ${base}`, `PATCH ${base}/{id}`]));
      }
      if (def.deletable) expect(have).toContain(`DELETE ${base}/{id}`);
    }
    // Every record route can be filled with a real record of B, and every write has a valid body.
    const state = await practiceState(h, b.id);
    for (const op of scoped) {
      expect(() => fillPath(op.template, b.id, b.records), label(op)).not.toThrow();
      expect(() => bodyFor(op, b, state), label(op)).not.toThrow();
    }
  });

  it("every member of A gets 404 on every route of practice B, and nothing of B changes", async () => {
    const before = await practiceSnapshot(h.database, b.id);
    const state = await practiceState(h, b.id);
    const expected: string[] = [];
    const actual: string[] = [];
    for (const role of roles) {
      for (const op of scoped) {
        const res = await h.call(op.method, fillPath(op.template, b.id, b.records), {
          token: a.users[role].token,
          body: bodyFor(op, b, state),
        });
        actual.push(`${role}: ${outcome(op, res)}`);
        expected.push(`${role}: ${label(op)} → 404 NOT_FOUND`);
        expect(res.text).not.toContain(b.name);
      }
    }
    expect(actual).toEqual(expected);
    expect(actual.length).toBe(roles.length * scoped.length);
    expect(await practiceSnapshot(h.database, b.id)).toEqual(before);
  });

  it("a member of A naming B's records under A's own practice gets 404 on every record route", async () => {
    const beforeB = await practiceSnapshot(h.database, b.id);
    const recordOps = scoped.filter((op) => resourceOf(op.template) !== null);
    expect(recordOps.length).toBeGreaterThanOrEqual(resources.length * 2);
    const state = await practiceState(h, a.id);
    const actual: string[] = [];
    for (const op of recordOps) {
      // A's practice in the URL, B's record as {id}; the body is valid for B's record and version.
      const res = await h.call(op.method, fillPath(op.template, a.id, b.records), {
        token: a.users.owner.token,
        body: bodyFor(op, b, state),
      });
      actual.push(outcome(op, res));
    }
    expect(actual).toEqual(recordOps.map((op) => `${label(op)} → 404 NOT_FOUND`));
    expect(await practiceSnapshot(h.database, b.id)).toEqual(beforeB);
    // Refused reads leave no trace either: no audit row outside B names one of B's records.
    const ids = bIds()
      .map((id) => `'${id}'`)
      .join(",");
    const leaked = await sqlRows(
      h.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id IN (${ids}) AND practice_id IS DISTINCT FROM '${b.id}'`,
    );
    expect(leaked[0]?.n).toBe(0);
  });

  it("A's own reads (lists, practice, audit trail) never contain anything of B", async () => {
    const reads = scoped.filter((op) => op.method === "GET" && resourceOf(op.template) === null);
    expect(reads.length).toBeGreaterThanOrEqual(resources.length + 2);
    // Reads that list what their query names ask for A's record and B's together: only A's may come back.
    const queryOf: Record<string, () => string> = {
      "/appointment-billing-states": () => `?ids=${a.records.appointments!.id},${b.records.appointments!.id}`,
    };
    for (const op of reads) {
      const query = queryOf[op.template.replace(practicePrefix, "")]?.() ?? "";
      const res = await h.call("GET", `${fillPath(op.template, a.id, a.records)}${query}`, {
        token: a.users.owner.token,
      });
      expect(res.status, label(op)).toBe(200);
      for (const id of bIds()) expect(res.text, `${label(op)} leaks ${id}`).not.toContain(id);
      // B's people too: the members list names A's users only (their ids and emails).
      for (const user of Object.values(b.users)) {
        expect(res.text, `${label(op)} leaks B's user`).not.toContain(user.id);
        expect(res.text, `${label(op)} leaks B's user`).not.toContain(user.email);
      }
      if (Array.isArray(res.json.data)) {
        expect(res.json.data.length, label(op)).toBeGreaterThan(0);
      }
    }
  });

  it("control: the same walk with A's own records reaches them, so the 404s above come from tenancy", async () => {
    const fresh = await h.newPractice("Control");
    await h.seedRecords(fresh, { engine: true });
    const failures: string[] = [];
    // Stripe settings, saved cards and card charges reach Stripe (a fake there): stripe-routes.test.ts walks them.
    const needsStripe = (op: { template: string }) =>
      /\/(stripe-settings|cards|default-card|card-charges)(\/|$)/.test(op.template);
    for (const op of scoped.filter((o) => !needsStripe(o))) {
      let records = fresh.records;
      let owner = fresh;
      if (op.method === "POST" && op.template.endsWith("/progress-notes")) {
        // One note per appointment: a new note needs an appointment without one.
        const appointment = await h.call("POST", `/api/v1/practices/${fresh.id}/appointments`, {
          token: fresh.users.owner.token,
          body: createBody("appointments", refsOf(fresh)),
        });
        expect(appointment.status).toBe(201);
        owner = {
          ...fresh,
          records: { ...fresh.records, appointments: { id: String(appointment.json.id), version: 1 } },
        };
      }
      if (op.method === "DELETE") {
        // Delete a new record, not one the other routes still use.
        const resource = resourceOf(op.template)!;
        const created = await h.call("POST", `/api/v1/practices/${fresh.id}/${resource}`, {
          token: fresh.users.owner.token,
          body: createBody(resource, refsOf(fresh)),
        });
        expect(created.status, `create ${resource}`).toBe(201);
        records = { ...fresh.records, [resource]: { id: String(created.json.id), version: 1 } };
      }
      const body = bodyFor(op, owner, await practiceState(h, fresh.id));
      const res = await h.call(op.method, fillPath(op.template, fresh.id, records), {
        token: fresh.users.owner.token,
        body,
        headers: headersFor(op),
      });
      // Reaching the record is what counts: success, or a refusal only a found record can give (an invoice
      // action on an invoice an earlier action already moved on; billing rules that read the session's facts).
      const reached =
        (res.status >= 200 && res.status <= 299) ||
        ["ILLEGAL_TRANSITION", "NOT_BILLABLE"].includes(errorCode(res) ?? "") ||
        refusalOfAFoundRecord[op.template.replace(practicePrefix, "")] === errorCode(res);
      if (!reached) failures.push(outcome(op, res));
      // Keep versions current for the PATCH routes that follow.
      const resource = resourceOf(op.template);
      if (resource && typeof res.json.version === "number" && res.json.id === fresh.records[resource]?.id) {
        fresh.records[resource] = { id: String(res.json.id), version: res.json.version };
      }
    }
    expect(failures).toEqual([]);
  });

  describe("references across practices inside a body", () => {
    type Case = { resource: string; field: string; body: () => Json };
    /** A's references, with an appointment that has no note yet (one note per appointment). */
    let aRefs: Record<string, string>;
    beforeAll(async () => {
      const appointment = await h.call("POST", `/api/v1/practices/${a.id}/appointments`, {
        token: a.users.owner.token,
        body: createBody("appointments", refsOf(a)),
      });
      expect(appointment.status).toBe(201);
      aRefs = { ...refsOf(a), appointments: String(appointment.json.id) };
    });
    const point = (resource: string, field: string, target: string): Case => ({
      resource,
      field,
      body: () => ({ ...createBody(resource, aRefs), [field]: b.records[target]!.id }),
    });
    const creates: Case[] = [
      point("insurance-policies", "clientId", "clients"),
      point("insurance-policies", "payerId", "payers"),
      point("diagnoses", "clientId", "clients"),
      point("appointments", "clientId", "clients"),
      point("appointments", "providerId", "providers"),
      point("appointments", "locationId", "locations"),
      {
        resource: "appointments",
        field: "services",
        body: () => ({
          ...createBody("appointments", aRefs),
          services: [{ serviceId: b.records.services!.id }],
        }),
      },
      point("progress-notes", "appointmentId", "appointments"),
      point("progress-notes", "signedByProviderId", "providers"),
      point("employers", "groupId", "employer-groups"),
      point("clients", "employerId", "employers"),
    ];

    it.each(creates.map((c) => [`${c.resource}.${c.field}`, c] as const))(
      "creating in A with %s of B is refused with 422 REFERENCE_NOT_FOUND and writes nothing",
      async (_, c) => {
        const before = await rowCounts(h.database);
        const bBefore = await practiceSnapshot(h.database, b.id);
        const res = await h.call("POST", `/api/v1/practices/${a.id}/${c.resource}`, {
          token: a.users.owner.token,
          body: c.body(),
        });
        expect([res.status, errorCode(res)]).toEqual([422, "REFERENCE_NOT_FOUND"]);
        expect(await rowCounts(h.database)).toEqual(before);
        expect(await practiceSnapshot(h.database, b.id)).toEqual(bBefore);
      },
    );

    const patches: Array<[string, string, () => Json]> = [
      ["insurance-policies", "payerId", () => ({ payerId: b.records.payers!.id })],
      ["appointments", "providerId", () => ({ providerId: b.records.providers!.id })],
      ["appointments", "clientId", () => ({ clientId: b.records.clients!.id })],
      ["appointments", "services", () => ({ services: [{ serviceId: b.records.services!.id }] })],
      ["progress-notes", "signedByProviderId", () => ({ signedByProviderId: b.records.providers!.id })],
      ["employers", "groupId", () => ({ groupId: b.records["employer-groups"]!.id })],
      ["clients", "employerId", () => ({ employerId: b.records.employers!.id })],
    ];

    it.each(patches)(
      "updating A's %s to point %s at B is refused with 422 REFERENCE_NOT_FOUND and changes nothing",
      async (resource, _field, patch) => {
        const record = a.records[resource]!;
        const current = await h.call("GET", `/api/v1/practices/${a.id}/${resource}/${record.id}`, {
          token: a.users.owner.token,
        });
        expect(current.status).toBe(200);
        const beforeA = await practiceSnapshot(h.database, a.id);
        const res = await h.call("PATCH", `/api/v1/practices/${a.id}/${resource}/${record.id}`, {
          token: a.users.owner.token,
          body: { ...patch(), version: current.json.version },
        });
        expect([res.status, errorCode(res)]).toEqual([422, "REFERENCE_NOT_FOUND"]);
        expect(await practiceSnapshot(h.database, a.id)).toEqual(beforeA);
      },
    );

    it("opening B's invoices through A's practice is refused and changes nothing of B", async () => {
      const before = await practiceSnapshot(h.database, b.id);
      const res = await h.call("POST", `/api/v1/practices/${a.id}/invoices/open`, {
        token: a.users.owner.token,
        body: { invoiceIds: [b.records.invoices!.id] },
      });
      expect([404, 422]).toContain(res.status);
      expect(await practiceSnapshot(h.database, b.id)).toEqual(before);
    });

    it("adding B's product to A's invoice is refused with 422 REFERENCE_NOT_FOUND and writes nothing", async () => {
      const before = await rowCounts(h.database);
      const res = await h.call(
        "POST",
        `/api/v1/practices/${a.id}/invoices/${a.records.invoices!.id}/products`,
        {
          token: a.users.owner.token,
          body: { productId: b.records.products!.id, quantity: 1 },
        },
      );
      expect([res.status, errorCode(res)]).toEqual([422, "REFERENCE_NOT_FOUND"]);
      expect(await rowCounts(h.database)).toEqual(before);
    });

    it("control: the same bodies with A's own references are accepted", async () => {
      for (const resource of new Set(creates.map((c) => c.resource))) {
        const res = await h.call("POST", `/api/v1/practices/${a.id}/${resource}`, {
          token: a.users.owner.token,
          body: createBody(resource, aRefs),
        });
        expect(res.status, `${resource}: ${res.text}`).toBe(201);
      }
      const version = (
        await h.call("GET", `/api/v1/practices/${a.id}/employers/${a.records.employers!.id}`, {
          token: a.users.owner.token,
        })
      ).json.version;
      const ok = await h.call("PATCH", `/api/v1/practices/${a.id}/employers/${a.records.employers!.id}`, {
        token: a.users.owner.token,
        body: { ...patchBody("employers", Number(version)), groupId: a.records["employer-groups"]!.id },
      });
      expect(ok.status).toBe(200);
    });
  });
});
