import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody, patchBody } from "@billcycle/testing/bodies";
import { rowCounts, sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type AuditRow = {
  id: number;
  practiceId: string | null;
  userId: string | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  atMs: number;
  details: Record<string, unknown> | null;
};

describe.each(testBackends())("audit trail on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;

  const lastAuditId = async () =>
    Number((await sqlRows(h.database, "SELECT coalesce(max(id), 0) AS n FROM audit_log"))[0]?.n);

  const auditSince = async (afterId: number): Promise<AuditRow[]> =>
    (
      await sqlRows(
        h.database,
        `SELECT id, practice_id, user_id, actor, action, entity, entity_id,
                (extract(epoch FROM at) * 1000)::bigint AS at_ms, details::text AS details
           FROM audit_log WHERE id > ${afterId} ORDER BY id`,
      )
    ).map((r) => ({
      id: Number(r.id),
      practiceId: r.practice_id as string | null,
      userId: r.user_id as string | null,
      actor: String(r.actor),
      action: String(r.action),
      entity: String(r.entity),
      entityId: r.entity_id as string | null,
      atMs: Number(r.at_ms),
      details: r.details === null ? null : (JSON.parse(String(r.details)) as Record<string, unknown>),
    }));

  const tokenLabel = async (userId: string) =>
    `token:${(await sqlRows(h.database, `SELECT id FROM api_tokens WHERE user_id = '${userId}'`))[0]?.id}`;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Audit");
    await h.seedRecords(p);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it("create, update and delete each write one audit row naming who, what and when", async () => {
    const biller = p.users.biller;
    const base = `/api/v1/practices/${p.id}/products`;
    const start = await lastAuditId();

    h.clock.set("2026-03-02T09:00:00Z");
    const created = await h.call("POST", base, { token: biller.token, body: createBody("products", {}) });
    expect(created.status).toBe(201);
    const id = String(created.json.id);

    h.clock.set("2026-03-02T09:05:00Z");
    const updated = await h.call("PATCH", `${base}/${id}`, {
      token: biller.token,
      body: patchBody("products", 1),
    });
    expect(updated.status).toBe(200);

    h.clock.set("2026-03-02T09:10:00Z");
    const deleted = await h.call("DELETE", `${base}/${id}`, { token: biller.token });
    expect(deleted.status).toBe(204);

    const who = { practiceId: p.id, userId: biller.id, actor: await tokenLabel(biller.id) };
    expect(await auditSince(start)).toEqual([
      expect.objectContaining({
        ...who,
        action: "create",
        entity: "product",
        entityId: id,
        atMs: Date.parse("2026-03-02T09:00:00Z"),
        details: { fields: ["name", "priceCents"] },
      }),
      expect.objectContaining({
        ...who,
        action: "update",
        entity: "product",
        entityId: id,
        atMs: Date.parse("2026-03-02T09:05:00Z"),
        details: { fields: ["priceCents"] },
      }),
      expect.objectContaining({
        ...who,
        action: "delete",
        entity: "product",
        entityId: id,
        atMs: Date.parse("2026-03-02T09:10:00Z"),
      }),
    ]);
  });

  it("reading a client and listing clients write read and list rows with the ids seen", async () => {
    const user = p.users.read_only;
    const clientId = p.records.clients!.id;
    const start = await lastAuditId();
    h.clock.set("2026-03-02T10:00:00Z");
    const one = await h.call("GET", `/api/v1/practices/${p.id}/clients/${clientId}`, { token: user.token });
    expect(one.status).toBe(200);
    const list = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { token: user.token });
    expect(list.status).toBe(200);
    const listedIds = (list.json.data as Array<{ id: string }>).map((c) => c.id);
    expect(listedIds).toContain(clientId);

    const rows = await auditSince(start);
    expect(rows).toEqual([
      expect.objectContaining({
        practiceId: p.id,
        userId: user.id,
        action: "read",
        entity: "client",
        entityId: clientId,
        atMs: Date.parse("2026-03-02T10:00:00Z"),
      }),
      expect.objectContaining({
        practiceId: p.id,
        userId: user.id,
        action: "list",
        entity: "client",
        entityId: null,
        details: { ids: listedIds },
      }),
    ]);
    // The trail holds ids and field names, never the patient's details.
    expect(JSON.stringify(rows)).not.toContain("Casey");
    expect(JSON.stringify(rows)).not.toContain("1990-05-06");
  });

  it("a status change writes its audit row with the transition", async () => {
    const appointment = await h.call("POST", `/api/v1/practices/${p.id}/appointments`, {
      token: p.users.clinician.token,
      body: createBody("appointments", refsOf(p)),
    });
    const id = String(appointment.json.id);
    const start = await lastAuditId();
    const res = await h.call("POST", `/api/v1/practices/${p.id}/appointments/${id}/status`, {
      token: p.users.clinician.token,
      body: { status: "kept" },
    });
    expect(res.status).toBe(200);
    expect(await auditSince(start)).toEqual([
      expect.objectContaining({
        userId: p.users.clinician.id,
        action: "transition",
        entity: "appointment",
        entityId: id,
        details: { from: "upcoming", to: "kept" },
      }),
    ]);
  });

  it("a refused write writes no audit row and no data", async () => {
    const owner = p.users.owner;
    const services = `/api/v1/practices/${p.id}/services`;
    const service = p.records.services!;
    const attempts: Array<[string, () => ReturnType<Harness["call"]>]> = [
      [
        "INVALID_MONEY",
        () =>
          h.call("POST", services, {
            token: owner.token,
            body: { ...createBody("services", {}), feeCents: -1 },
          }),
      ],
      ["MALFORMED_JSON", () => h.call("POST", services, { token: owner.token, rawBody: "{not json" })],
      [
        "FORBIDDEN",
        () => h.call("POST", services, { token: p.users.read_only.token, body: createBody("services", {}) }),
      ],
      [
        "VERSION_CONFLICT",
        () =>
          h.call("PATCH", `${services}/${service.id}`, {
            token: owner.token,
            body: patchBody("services", 99),
          }),
      ],
      [
        "REFERENCE_NOT_FOUND",
        () =>
          h.call("POST", `/api/v1/practices/${p.id}/diagnoses`, {
            token: owner.token,
            body: { clientId: "0190a000-0000-7000-8000-000000000000", code: "F41.1", rank: 1 },
          }),
      ],
      [
        "NOT_FOUND",
        () => h.call("DELETE", `${services}/0190a000-0000-7000-8000-000000000000`, { token: owner.token }),
      ],
    ];
    for (const [code, attempt] of attempts) {
      const before = await rowCounts(h.database);
      const res = await attempt();
      expect(errorCode(res)).toBe(code);
      expect(await rowCounts(h.database), code).toEqual(before);
    }
  });

  it("the audit row commits with the change: when writing it fails, the change rolls back", async () => {
    // A trigger that refuses audit rows for products stands in for any failure after the change itself.
    await h.database.exec(`
      CREATE FUNCTION test_refuse_product_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit refused for test'; END; $$ LANGUAGE plpgsql;
      CREATE TRIGGER test_refuse_product_audit BEFORE INSERT ON audit_log
        FOR EACH ROW WHEN (NEW.entity = 'product') EXECUTE FUNCTION test_refuse_product_audit();`);
    try {
      const product = p.records.products!;
      const before = await rowCounts(h.database);
      const beforeRow = await sqlRows(
        h.database,
        `SELECT row_to_json(t)::text AS j FROM products t WHERE id = '${product.id}'`,
      );
      const create = await h.call("POST", `/api/v1/practices/${p.id}/products`, {
        token: p.users.owner.token,
        body: createBody("products", {}),
      });
      expect([create.status, errorCode(create)]).toEqual([500, "INTERNAL"]);
      const current = await h.call("GET", `/api/v1/practices/${p.id}/products/${product.id}`, {
        token: p.users.owner.token,
      });
      const update = await h.call("PATCH", `/api/v1/practices/${p.id}/products/${product.id}`, {
        token: p.users.owner.token,
        body: patchBody("products", Number(current.json.version)),
      });
      expect([update.status, errorCode(update)]).toEqual([500, "INTERNAL"]);
      const remove = await h.call("DELETE", `/api/v1/practices/${p.id}/products/${product.id}`, {
        token: p.users.owner.token,
      });
      expect([remove.status, errorCode(remove)]).toEqual([500, "INTERNAL"]);
      expect(await rowCounts(h.database)).toEqual(before);
      expect(
        await sqlRows(
          h.database,
          `SELECT row_to_json(t)::text AS j FROM products t WHERE id = '${product.id}'`,
        ),
      ).toEqual(beforeRow);
    } finally {
      await h.database.exec(
        "DROP TRIGGER test_refuse_product_audit ON audit_log; DROP FUNCTION test_refuse_product_audit();",
      );
    }
  });

  it("the audit trail is readable through the API by an owner, and that read is itself audited", async () => {
    const start = await lastAuditId();
    const res = await h.call("GET", `/api/v1/practices/${p.id}/audit?limit=500`, {
      token: p.users.owner.token,
    });
    expect(res.status).toBe(200);
    const data = res.json.data as Array<{ practiceId: string; action: string }>;
    expect(data.length).toBeGreaterThan(10);
    expect(new Set(data.map((r) => r.practiceId))).toEqual(new Set([p.id]));
    expect(await auditSince(start)).toEqual([
      expect.objectContaining({ action: "list", entity: "audit_log", userId: p.users.owner.id }),
    ]);
  });
});
