import { testBackends } from "@billcycle/testing";
import { type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import type { Json } from "@billcycle/testing/bodies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  bodyFor,
  documentedOperations,
  fillPath,
  headersFor,
  isScoped,
  label,
  type Operation,
  practiceState,
} from "./support/routes";

/** Reads that answer a file rather than JSON, with its media type. */
const binaryReads: Record<string, string> = { "GET /api/v1/shared-documents/{token}/pdf": "application/pdf" };
/** Reads that answer text in another media type than JSON (checked by their type and first line). */
const textReads: Record<string, { type: string; firstLine: RegExp }> = {
  "GET /api/v1/practices/{practiceId}/outreach/collections.csv": {
    type: "text/csv",
    firstLine: /^set_id,patient_id,/,
  },
};

type RouteDefinition = {
  type: string;
  route?: {
    method: string;
    path: string;
    responses: Record<string, { content?: { "application/json"?: { schema: z.ZodType } } }>;
  };
};

/**
 * @hono/zod-openapi checks responses against their schemas in types only. This walk calls every practice route
 * as the owner and parses each successful body with the schema the route declares (objects are strict), so a
 * schema that says less, more or other than the use case returns fails here, not in a client.
 */
describe.each(testBackends())("declared response schemas on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let operations: Operation[];

  const declaredSchema = (op: Operation, status: number): z.ZodType | undefined => {
    for (const d of h.app.openAPIRegistry.definitions as RouteDefinition[]) {
      if (d.type !== "route" || !d.route) continue;
      if (d.route.method.toUpperCase() !== op.method || d.route.path !== op.template) continue;
      return d.route.responses[String(status)]?.content?.["application/json"]?.schema;
    }
    return undefined;
  };

  const declaresPdf = (op: Operation): boolean =>
    (h.app.openAPIRegistry.definitions as RouteDefinition[]).some(
      (d) =>
        d.type === "route" &&
        d.route?.method.toUpperCase() === op.method &&
        d.route.path === op.template &&
        "application/pdf" in (d.route.responses["200"]?.content ?? {}),
    );

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Schemas");
    await h.seedRecords(p, { engine: true });
    operations = await documentedOperations(h);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it("the document declares no open object in a success response", async () => {
    const doc = (await h.call("GET", "/openapi.json")).json as {
      paths: Record<string, Record<string, { responses?: Record<string, Json> }>>;
      components: { schemas: Record<string, Json> };
    };
    const open: string[] = [];
    const visit = (node: unknown, where: string, seen: Set<string>): void => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) visit(n, `${where}[${i}]`, seen);
        return;
      }
      const n = node as Json;
      const ref = typeof n.$ref === "string" ? n.$ref.replace("#/components/schemas/", "") : null;
      if (ref) {
        if (seen.has(ref)) return;
        seen.add(ref);
        visit(doc.components.schemas[ref], ref, seen);
        return;
      }
      // A map (jsonb details, counts by reason) declares its values; an object with fields must list them all.
      const isObject = n.type === "object" || "properties" in n;
      if (isObject && n.additionalProperties !== false && typeof n.additionalProperties !== "object") {
        open.push(where);
      }
      for (const [k, v] of Object.entries(n)) visit(v, `${where}.${k}`, seen);
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (status.startsWith("2")) visit(response, `${method.toUpperCase()} ${path} ${status}`, new Set());
        }
      }
    }
    expect(open).toEqual([]);
  });

  it("every read answers exactly what its route declares", async () => {
    const reads = operations.filter((op) => op.method === "GET");
    const mismatches: string[] = [];
    for (const op of reads) {
      const res = await h.call("GET", fillPath(op.template, p.id, p.records), { token: p.users.owner.token });
      expect(res.status, `${label(op)}: ${res.text.slice(0, 300)}`).toBe(200);
      // A clearinghouse file's original bytes: X12 as received or sent.
      if (label(op) === "GET /api/v1/practices/{practiceId}/files/{id}/content") {
        if (res.headers.get("content-type") !== "application/octet-stream" || !res.text.startsWith("ISA"))
          mismatches.push(`${label(op)}: not the file's X12 bytes (${res.headers.get("content-type")})`);
        continue;
      }
      // A document's bytes, not JSON: the declared media type, and a PDF.
      if (declaresPdf(op) || binaryReads[label(op)]) {
        if (res.headers.get("content-type") !== "application/pdf" || !res.text.startsWith("%PDF-"))
          mismatches.push(`${label(op)}: not a PDF (${res.headers.get("content-type")})`);
        continue;
      }
      const text = textReads[label(op)];
      if (text) {
        if (!res.headers.get("content-type")?.startsWith(text.type) || !text.firstLine.test(res.text))
          mismatches.push(`${label(op)}: not ${text.type} (${res.headers.get("content-type")})`);
        continue;
      }
      const schema = declaredSchema(op, 200);
      if (!schema) {
        mismatches.push(`${label(op)}: no declared schema`);
        continue;
      }
      const parsed = schema.safeParse(res.json);
      if (!parsed.success)
        mismatches.push(`${label(op)}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    }
    expect(reads.length).toBeGreaterThanOrEqual(30);
    expect(mismatches).toEqual([]);
  });

  it("every write that succeeds answers exactly what its route declares", async () => {
    // Reads first changed nothing; each write here uses the versions current just before it.
    const writes = operations.filter((op) => isScoped(op) && op.method !== "GET" && op.method !== "DELETE");
    const mismatches: string[] = [];
    const checked: string[] = [];
    for (const op of writes) {
      const res = await h.call(op.method, fillPath(op.template, p.id, p.records), {
        token: p.users.owner.token,
        body: bodyFor(op, p, await practiceState(h, p.id)),
        headers: headersFor(op),
      });
      if (res.status >= 300) continue;
      checked.push(label(op));
      const schema = declaredSchema(op, res.status);
      const parsed = schema?.safeParse(res.json);
      if (!parsed?.success) {
        mismatches.push(`${label(op)}: ${JSON.stringify(parsed?.error.issues.slice(0, 3) ?? "no schema")}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The routes whose loose schemas were replaced answer (and so were checked) with the seeded records.
    expect(checked).toEqual(
      expect.arrayContaining([
        "PUT /api/v1/practices/{practiceId}/automation",
        "PUT /api/v1/practices/{practiceId}/claims-settings",
        "POST /api/v1/practices/{practiceId}/claims/{id}/rescrub",
        "POST /api/v1/practices/{practiceId}/claims/submit",
        "POST /api/v1/practices/{practiceId}/inbound-files",
        "POST /api/v1/practices/{practiceId}/work-queue/{id}/resolve",
        "POST /api/v1/practices/{practiceId}/appointments/{id}/status",
        "PATCH /api/v1/practices/{practiceId}",
        "PATCH /api/v1/practices/{practiceId}/billing-settings",
        "POST /api/v1/practices/{practiceId}/invoices/{id}/void",
      ]),
    );
  });
});
