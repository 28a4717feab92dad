import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { practiceSnapshot, sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bodyFor,
  documentedOperations,
  fillPath,
  isScoped,
  isWrite,
  label,
  type Operation,
  practiceState,
} from "./support/routes";

describe.each(testBackends())("roles and sign-in on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let scoped: Operation[];

  const practiceVersion = async (practiceId: string) =>
    Number(
      (await sqlRows(h.database, `SELECT version FROM practices WHERE id = '${practiceId}'`))[0]?.version,
    );
  const billingSettings = (practiceId: string) =>
    h.call("GET", `/api/v1/practices/${practiceId}`, {
      token: p.users.owner.token,
    });

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Roles");
    await h.seedRecords(p, { engine: true });
    scoped = (await documentedOperations(h)).filter(isScoped);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it("a read-only user gets 403 FORBIDDEN on every write route, and nothing changes", async () => {
    const writes = scoped.filter(isWrite);
    expect(writes.length).toBeGreaterThanOrEqual(35);
    const before = await practiceSnapshot(h.database, p.id);
    const state = await practiceState(h, p.id);
    const actual: string[] = [];
    for (const op of writes) {
      const res = await h.call(op.method, fillPath(op.template, p.id, p.records), {
        token: p.users.read_only.token,
        body: bodyFor(op, p, state),
      });
      actual.push(`${label(op)} → ${res.status} ${errorCode(res)}`);
    }
    expect(actual).toEqual(writes.map((op) => `${label(op)} → 403 FORBIDDEN`));
    expect(await practiceSnapshot(h.database, p.id)).toEqual(before);
  });

  it("a read-only user can read every record and list, but not the audit trail", async () => {
    const reads = scoped.filter((op) => op.method === "GET");
    const actual: string[] = [];
    for (const op of reads) {
      const res = await h.call("GET", fillPath(op.template, p.id, p.records), {
        token: p.users.read_only.token,
      });
      actual.push(`${label(op)} → ${res.status}`);
    }
    // The permission table keeps the audit trail (who looked at which patient) to owners and billers.
    expect(actual).toEqual(reads.map((op) => `${label(op)} → ${op.template.endsWith("/audit") ? 403 : 200}`));
  });

  it("a clinician cannot change billing settings; an owner and a biller can", async () => {
    const path = `/api/v1/practices/${p.id}/billing-settings`;
    const before = (await billingSettings(p.id)).json;
    const refused = await h.call("PATCH", path, {
      token: p.users.clinician.token,
      body: { version: before.version, defaultAutopay: true },
    });
    expect([refused.status, errorCode(refused)]).toEqual([403, "FORBIDDEN"]);
    expect((await billingSettings(p.id)).json).toEqual(before);

    const byOwner = await h.call("PATCH", path, {
      token: p.users.owner.token,
      body: { version: before.version, defaultAutopay: true },
    });
    expect(byOwner.status).toBe(200);
    expect((byOwner.json.billingSettings as Record<string, unknown>).defaultAutopay).toBe(true);

    const byBiller = await h.call("PATCH", path, {
      token: p.users.biller.token,
      body: { version: byOwner.json.version, shareDelayMinutes: 120 },
    });
    expect(byBiller.status).toBe(200);
    expect(byBiller.json.billingSettings).toMatchObject({ defaultAutopay: true, shareDelayMinutes: 120 });
  });

  it("a clinician writes clients and clinical notes but not billing data; a biller the reverse", async () => {
    const post = (role: keyof PracticeFixture["users"], resource: string, refs = refsOf(p)) =>
      h.call("POST", `/api/v1/practices/${p.id}/${resource}`, {
        token: p.users[role].token,
        body: createBody(resource, refs),
      });
    const appointment = await post("clinician", "appointments");
    expect(appointment.status).toBe(201);
    const withNewAppointment = { ...refsOf(p), appointments: String(appointment.json.id) };

    expect((await post("clinician", "clients")).status).toBe(201);
    expect(errorCode(await post("clinician", "payers"))).toBe("FORBIDDEN");
    expect(errorCode(await post("clinician", "services"))).toBe("FORBIDDEN");
    expect(errorCode(await post("clinician", "locations"))).toBe("FORBIDDEN");
    expect(errorCode(await post("biller", "progress-notes", withNewAppointment))).toBe("FORBIDDEN");
    // A clinician who is not the session's provider may write the note but not sign it (issue 18 item 7).
    const bySomeoneElse = await post("clinician", "progress-notes", withNewAppointment);
    expect([bySomeoneElse.status, errorCode(bySomeoneElse)]).toEqual([403, "NOT_NOTE_AUTHOR"]);
    expect((await post("biller", "payers")).status).toBe(201);
    expect((await post("biller", "services")).status).toBe(201);
    expect(errorCode(await post("biller", "locations"))).toBe("FORBIDDEN");
  });

  it("only an owner may change the practice itself", async () => {
    for (const role of ["biller", "clinician", "read_only"] as const) {
      const res = await h.call("PATCH", `/api/v1/practices/${p.id}`, {
        token: p.users[role].token,
        body: { version: await practiceVersion(p.id), name: "Renamed" },
      });
      expect([role, res.status, errorCode(res)]).toEqual([role, 403, "FORBIDDEN"]);
    }
    const res = await h.call("PATCH", `/api/v1/practices/${p.id}`, {
      token: p.users.owner.token,
      body: { version: await practiceVersion(p.id), name: "Renamed by owner" },
    });
    expect(res.status).toBe(200);
    expect(res.json.name).toBe("Renamed by owner");
  });

  it("without credentials every practice route answers 401 UNAUTHENTICATED", async () => {
    const before = await practiceSnapshot(h.database, p.id);
    const state = await practiceState(h, p.id);
    const actual: string[] = [];
    for (const op of scoped) {
      const res = await h.call(op.method, fillPath(op.template, p.id, p.records), {
        body: bodyFor(op, p, state),
      });
      actual.push(`${label(op)} → ${res.status} ${errorCode(res)}`);
    }
    expect(actual).toEqual(scoped.map((op) => `${label(op)} → 401 UNAUTHENTICATED`));
    expect(await practiceSnapshot(h.database, p.id)).toEqual(before);
  });

  it("an unknown bearer token or session cookie is not a user", async () => {
    const token = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { token: "bct_not-a-real-token" });
    expect([token.status, errorCode(token)]).toEqual([401, "UNAUTHENTICATED"]);
    const cookie = await h.call("GET", `/api/v1/practices/${p.id}/clients`, {
      cookie: "bc_session=bcs_forged",
    });
    expect([cookie.status, errorCode(cookie)]).toEqual([401, "UNAUTHENTICATED"]);
    const me = await h.call("GET", "/api/v1/me", { cookie: "bc_session=bcs_forged" });
    expect(me.status).toBe(401);
  });

  it("a malformed practice id is answered like an unknown one", async () => {
    const res = await h.call("GET", "/api/v1/practices/not-a-uuid/clients", { token: p.users.owner.token });
    expect([res.status, errorCode(res)]).toEqual([404, "NOT_FOUND"]);
    const record = await h.call("GET", `/api/v1/practices/${p.id}/clients/not-a-uuid`, {
      token: p.users.owner.token,
    });
    expect([record.status, errorCode(record)]).toEqual([404, "NOT_FOUND"]);
  });
});
