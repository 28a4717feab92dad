import { testBackends } from "@billcycle/testing";
import {
  type ApiResponse,
  type CallOptions,
  errorCode,
  type Harness,
  openHarness,
  PASSWORD,
  type PracticeFixture,
  practiceInput,
} from "@billcycle/testing/api-harness";
import type { Json } from "@billcycle/testing/bodies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issuesOf } from "./support/refusals";
import {
  bodyFor,
  documentedOperations,
  fillPath,
  isScoped,
  label,
  type Operation,
  type PracticeState,
  practiceState,
} from "./support/routes";

/**
 * Walks every operation of the OpenAPI document under each hostile condition (no credentials, an expired or
 * revoked token, a cross-site origin, an oversized body, a NUL in each string parameter) and expects the coded
 * refusal for that condition: never a 500, always an `error.code`.
 */

/** Answer without credentials by design: everything else in the document must answer 401. */
const PUBLIC_OPERATIONS = [
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  // Stripe's webhook: no session, the Stripe-Signature header is the credential (400 INVALID_SIGNATURE without it).
  "POST /api/v1/webhooks/stripe/{practiceId}",
  // A shared document link: the signed token is the credential (issue 17 item 6).
  "GET /api/v1/shared-documents/{token}",
  "GET /api/v1/shared-documents/{token}/pdf",
  // Patient outreach: the pay link's signed token is the credential (404 PAY_LINK_INVALID without a valid one);
  // Twilio's callbacks carry X-Twilio-Signature (400 INVALID_SIGNATURE without it).
  "GET /api/v1/pay/{token}",
  "POST /api/v1/pay/{token}",
  "POST /api/v1/webhooks/twilio/{practiceId}/status",
  "POST /api/v1/webhooks/twilio/{practiceId}/inbound",
];
/** Served outside the OpenAPI document, without credentials. */
const PUBLIC_PATHS = ["/healthz", "/openapi.json", "/docs"];
/** The document has 102 operations today; fewer means the walk silently lost routes. */
const MIN_OPERATIONS = 100;

const EVIL_ORIGIN = "http://evil.example";
/** What the app's own pages send with a state-changing request made with the session cookie. */
const SAME_ORIGIN = { "sec-fetch-site": "same-origin" };
const KiB = 1024;
const MiB = 1024 * KiB;
/** The body limits the request-limits middleware sets (issue 16 item 2): auth, the inbound file upload, JSON. */
const bodyLimitFor = (route: Route): number =>
  route.template.startsWith("/api/v1/auth/")
    ? 64 * KiB
    : route.method === "POST" && route.template.endsWith("/inbound-files")
      ? 64 * MiB
      : 1 * MiB;

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type OpenApiOperation = {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
};

type Route = Operation & { doc: OpenApiOperation };
/** One request of a condition: the path (with its query) and how to send it. */
type Prepared = {
  what: string;
  path: string;
  options: CallOptions;
  field?: string;
  /** This request's own refusal, where it differs from its condition's. */
  expect?: { status: number; code: string };
};
type Walk = {
  h: Harness;
  practice: PracticeFixture;
  state: PracticeState;
  document: OpenApiDocument;
  sessionCookie: string;
  /** Filled in by the conditions that need them. */
  tokens: { expired?: string; revoked?: string };
  /** A real token id, for routes addressing one ({tokenId}). */
  tokenId: string;
};
type Condition = {
  name: string;
  applies: (route: Route) => boolean;
  prepare: (route: Route, walk: Walk) => Prepared[];
  expect: { status: number; code: string };
};

const resolve = (schema: Schema | undefined, doc: OpenApiDocument): Schema | undefined => {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.replace("#/components/schemas/", "")];
};

const isStringSchema = (schema: Schema | undefined, doc: OpenApiDocument): boolean => {
  const s = resolve(schema, doc);
  if (!s) return false;
  if (s.type === "string" || (Array.isArray(s.type) && s.type.includes("string"))) return true;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some((alt) => isStringSchema(alt, doc));
};

/** The string fields of the route's JSON request schema (top level). */
const schemaStringFields = (route: Route, doc: OpenApiDocument): string[] => {
  const schema = resolve(route.doc.requestBody?.content?.["application/json"]?.schema, doc);
  return Object.entries(schema?.properties ?? {})
    .filter(([, s]) => isStringSchema(s, doc))
    .map(([name]) => name);
};

/** Every string in a JSON value, by dotted path, with a setter that returns a copy holding `value` there. */
const stringLeaves = (value: unknown, path: string[] = []): string[][] => {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  }
  return [];
};
const withLeaf = (value: unknown, path: string[], leaf: (old: unknown) => unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return leaf(value);
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withLeaf(v, rest, leaf) : v));
  const object = (value ?? {}) as Json;
  return { ...object, [head]: withLeaf(object[head], rest, leaf) };
};

/** A body that passes validation for every route, so that the condition, not the body, decides the answer. */
const validBody = (route: Route, walk: Walk): Json | undefined => {
  if (isScoped(route)) return bodyFor(route, walk.practice, walk.state);
  if (route.method === "GET" || route.method === "DELETE") return undefined;
  switch (label(route)) {
    case "POST /api/v1/auth/login":
      return { email: walk.practice.users.owner.email, password: PASSWORD };
    case "POST /api/v1/auth/logout":
    case "POST /api/v1/webhooks/stripe/{practiceId}":
    case "POST /api/v1/webhooks/twilio/{practiceId}/status":
    case "POST /api/v1/webhooks/twilio/{practiceId}/inbound":
      return undefined;
    case "POST /api/v1/pay/{token}":
      return { idempotencyKey: "route-walk-pay" };
    case "POST /api/v1/auth/tokens":
      return { name: "route walk" };
    case "POST /api/v1/practices":
      return { ...practiceInput("Route walk") };
    default:
      throw new Error(`no request body for ${label(route)}: teach security-route-walk.test.ts about it`);
  }
};

const filled = (template: string, walk: Walk): string =>
  fillPath(template.replace("{tokenId}", walk.tokenId), walk.practice.id, walk.practice.records);

/** The route as a valid request would send it, with `options` on top. */
const plain = (route: Route, walk: Walk, what: string, options: CallOptions): Prepared => ({
  what,
  path: filled(route.template, walk),
  options: { body: validBody(route, walk), ...options },
});

const NUL = "\u0000";

/** One request per string parameter: each path parameter, each query parameter, each string of the body. */
const nulInEachString = (route: Route, walk: Walk): Prepared[] => {
  const token = walk.practice.users.owner.token;
  const out: Prepared[] = [];
  const segments = filled(route.template, walk).split("/");
  for (const [i, segment] of route.template.split("/").entries()) {
    if (!/^\{\w+\}$/.test(segment)) continue;
    const path = segments.map((s, j) => (j === i ? `${s}${encodeURIComponent(NUL)}` : s)).join("/");
    out.push({ what: `path ${segment}`, path, options: { token, body: validBody(route, walk) } });
  }
  for (const p of route.doc.parameters ?? []) {
    if (p.in !== "query") continue;
    const path = `${filled(route.template, walk)}?${p.name}=${encodeURIComponent(`x${NUL}`)}`;
    out.push({ what: `query ${p.name}`, path, field: p.name, options: { token } });
  }
  const body = validBody(route, walk);
  const leaves = stringLeaves(body);
  const present = new Set(leaves.map((l) => l.join(".")));
  const optional = schemaStringFields(route, walk.document)
    .filter((f) => !present.has(f))
    .map((f) => [f]);
  for (const leaf of [...leaves, ...optional]) {
    const field = leaf.join(".");
    // An uploaded file's content is bytes the import judges: stored and refused as not text, not 400.
    const isFile = label(route).endsWith("/inbound-files") && field === "content";
    out.push({
      what: `body ${field}`,
      path: filled(route.template, walk),
      field,
      ...(isFile ? { expect: { status: 422, code: "FILE_NOT_TEXT" } } : {}),
      options: { token, body: withLeaf(body, leaf, (old) => `${typeof old === "string" ? old : "x"}${NUL}`) },
    });
  }
  return out;
};

const conditions = {
  noCredentials: {
    name: "no credentials",
    applies: (route) => !PUBLIC_OPERATIONS.includes(label(route)),
    prepare: (route, walk) => [plain(route, walk, "no credentials", {})],
    expect: { status: 401, code: "UNAUTHENTICATED" },
  },
  nulInStrings: {
    name: "a NUL in each string parameter",
    applies: () => true,
    prepare: nulInEachString,
    expect: { status: 400, code: "INVALID_TEXT" },
  },
  expiredToken: {
    name: "an expired token",
    applies: () => true,
    prepare: (route, walk) => [plain(route, walk, "expired token", { token: walk.tokens.expired })],
    expect: { status: 401, code: "UNAUTHENTICATED" },
  },
  revokedToken: {
    name: "a revoked token",
    applies: () => true,
    prepare: (route, walk) => [plain(route, walk, "revoked token", { token: walk.tokens.revoked })],
    expect: { status: 401, code: "UNAUTHENTICATED" },
  },
  crossSite: {
    name: "a cross-site origin with the session cookie",
    applies: (route) => route.method !== "GET",
    prepare: (route, walk) => [
      plain(route, walk, "cross-site", { cookie: walk.sessionCookie, headers: { origin: EVIL_ORIGIN } }),
    ],
    expect: { status: 403, code: "CROSS_SITE_REQUEST" },
  },
  oversizedBody: {
    name: "an oversized body",
    applies: (route) => route.method !== "GET",
    prepare: (route, walk) => {
      const size = bodyLimitFor(route) + 1;
      const rawBody = `{"pad":"${"x".repeat(size - 10)}"}`;
      return [
        {
          what: `${rawBody.length} bytes`,
          path: filled(route.template, walk),
          options: { token: walk.practice.users.owner.token, rawBody },
        },
      ];
    },
    expect: { status: 413, code: "PAYLOAD_TOO_LARGE" },
  },
} satisfies Record<string, Condition>;

/** Every request of `condition` on every route it applies to; the answers that are not its refusal. */
const walkCondition = async (walk: Walk, routes: Route[], condition: Condition) => {
  const wrong: string[] = [];
  let sent = 0;
  for (const route of routes.filter(condition.applies)) {
    for (const request of condition.prepare(route, walk)) {
      const res: ApiResponse = await walk.h.call(route.method, request.path, request.options);
      sent++;
      const code = errorCode(res);
      const expected = request.expect ?? condition.expect;
      const fieldOk =
        request.field === undefined ||
        expected.code !== "INVALID_TEXT" ||
        (res.status >= 400 && issuesOf(res).some((i) => i.path === request.field));
      if (res.status !== expected.status || code !== expected.code || !fieldOk) {
        wrong.push(`${label(route)} [${request.what}] → ${res.status} ${code ?? res.text.slice(0, 120)}`);
      }
    }
  }
  return { wrong, sent };
};

describe.each(testBackends())("the security route walk on %s", (backend) => {
  const walk = {} as Walk;
  let routes: Route[];

  beforeAll(async () => {
    walk.h = await openHarness(backend);
    walk.practice = await walk.h.newPractice("Walk");
    await walk.h.seedRecords(walk.practice, { engine: true });
    walk.state = await practiceState(walk.h, walk.practice.id);
    walk.document = (await walk.h.call("GET", "/openapi.json")).json as unknown as OpenApiDocument;
    routes = (await documentedOperations(walk.h)).map((op) => ({
      ...op,
      doc: walk.document.paths[op.template]![op.method.toLowerCase()]!,
    }));
    const login = await walk.h.call("POST", "/api/v1/auth/login", {
      body: { email: walk.practice.users.owner.email, password: PASSWORD },
    });
    expect(login.status, login.text).toBe(200);
    walk.sessionCookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const made = await walk.h.call("POST", "/api/v1/auth/tokens", {
      cookie: walk.sessionCookie,
      headers: SAME_ORIGIN,
      body: { name: "walk: a token to address" },
    });
    expect(made.status, made.text).toBe(201);
    walk.tokenId = String(made.json.id);
    walk.tokens = {};
  });
  afterAll(async () => {
    await walk.h?.dispose();
  });

  const expectRefusals = async (condition: Condition) => {
    const { wrong, sent } = await walkCondition(walk, routes, condition);
    expect(
      wrong,
      `${condition.name}: answers other than ${condition.expect.status} ${condition.expect.code}`,
    ).toEqual([]);
    return sent;
  };

  it("walks every operation of the document, and every route has a path and body it can send", () => {
    expect(routes.length).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    for (const route of routes) {
      expect(() => plain(route, walk, "", {}), label(route)).not.toThrow();
    }
  });

  it("without credentials: exactly the public operations answer, every other one is 401 UNAUTHENTICATED", async () => {
    const sent = await expectRefusals(conditions.noCredentials);
    expect(sent).toBe(routes.length - PUBLIC_OPERATIONS.length);
    const answered: string[] = [];
    for (const route of routes.filter((r) => !conditions.noCredentials.applies(r))) {
      const res = await walk.h.call(route.method, filled(route.template, walk), {
        body: route.method === "POST" && route.template.endsWith("/login") ? {} : validBody(route, walk),
      });
      if (res.status !== 401) answered.push(label(route));
      expect(res.status, label(route)).not.toBe(500);
    }
    expect(answered.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
    for (const path of PUBLIC_PATHS) {
      expect((await walk.h.call("GET", path)).status, path).toBe(200);
    }
  });

  it("a NUL in any path parameter, query parameter or string of the body is 400 INVALID_TEXT naming it", async () => {
    const sent = await expectRefusals(conditions.nulInStrings);
    expect(sent).toBeGreaterThan(routes.length * 2);
  });

  describe("with expiring tokens (issue 16 item 1)", () => {
    it("an expired token is 401 UNAUTHENTICATED on every operation", async () => {
      const made = await walk.h.call("POST", "/api/v1/auth/tokens", {
        cookie: walk.sessionCookie,
        headers: SAME_ORIGIN,
        body: { name: "walk: expires tomorrow", expiresInDays: 1, scopes: ["write"] },
      });
      expect(made.status, made.text).toBe(201);
      walk.tokens.expired = String(made.json.token);
      const start = walk.h.clock.now();
      walk.h.clock.advance(2 * 86_400_000);
      try {
        await expectRefusals(conditions.expiredToken);
      } finally {
        walk.h.clock.set(start);
      }
    });
  });

  describe("with revocable tokens (issue 16 item 1)", () => {
    it("a revoked token is 401 UNAUTHENTICATED on every operation", async () => {
      const made = await walk.h.call("POST", "/api/v1/auth/tokens", {
        cookie: walk.sessionCookie,
        headers: SAME_ORIGIN,
        body: { name: "walk: revoked", scopes: ["write"] },
      });
      expect(made.status, made.text).toBe(201);
      const revoke = routes.find(
        (r) => r.method === "DELETE" && r.template.startsWith("/api/v1/auth/tokens/{"),
      )!;
      const revoked = await walk.h.call("DELETE", revoke.template.replace(/\{\w+\}/, String(made.json.id)), {
        cookie: walk.sessionCookie,
        headers: SAME_ORIGIN,
      });
      expect(revoked.status, revoked.text).toBeLessThan(300);
      walk.tokens.revoked = String(made.json.token);
      await expectRefusals(conditions.revokedToken);
    });
  });

  describe("with the cross-site check (issue 16 item 4)", () => {
    it("every state-changing operation with the session cookie from another origin is 403 CROSS_SITE_REQUEST", async () => {
      const sent = await expectRefusals(conditions.crossSite);
      expect(sent).toBe(routes.filter((r) => r.method !== "GET").length);
    });
  });

  describe("with body limits (issue 16 item 2)", () => {
    it("a body one byte over its route's limit is 413 PAYLOAD_TOO_LARGE on every operation that takes one", async () => {
      await expectRefusals(conditions.oversizedBody);
    });
  });
});
