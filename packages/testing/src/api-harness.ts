import { randomBytes } from "node:crypto";
import {
  type CreatePracticeInput,
  createApiToken,
  createPractice,
  createUser,
  resources,
} from "@billcycle/app";
import { ManualClock, type Role, roles } from "@billcycle/core";
import { type App, createApp, jsonLogger } from "@billcycle/server";
import { openTestDatabase, type TestBackend, type TestDatabase } from "@billcycle/testing";
import { address, createBody, type Json, type Refs, refsOf, seedOrder, validNpi } from "./bodies";
import { engineSeeded, seedEngineRecords } from "./engine-records";

export const PASSWORD = "correct horse battery staple";

export type UserFixture = { id: string; email: string; token: string };
export type RecordRef = { id: string; version: number };
export type PracticeFixture = {
  id: string;
  name: string;
  users: Record<Role, UserFixture>;
  /** One record of every resource, keyed by its path segment ("clients", "insurance-policies", …). */
  records: Record<string, RecordRef>;
};

export type ApiResponse = { status: number; json: Json; text: string; headers: Headers };
export type CallOptions = {
  token?: string | undefined;
  cookie?: string | undefined;
  body?: unknown;
  /** Sent as-is (for malformed JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The client's socket address, as the Node server would see it (default: none, read as "unknown"). */
  remoteAddress?: string;
};

export type Harness = {
  backend: TestBackend;
  database: TestDatabase;
  clock: ManualClock;
  app: App;
  /** The key the app checks shared document links with. */
  shareLinkKey: Buffer;
  /** Every line the application logger wrote. */
  logLines: string[];
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** A fresh practice with one user of each role (users belong to this practice only). */
  newPractice(label: string, input?: Partial<CreatePracticeInput>): Promise<PracticeFixture>;
  /**
   * Creates one record of every writable resource through the API, as the practice's owner; with `engine`,
   * also the records only the billing engine makes (invoices, claims, automation runs).
   */
  seedRecords(practice: PracticeFixture, options?: { engine?: boolean }): Promise<void>;
  dispose(): Promise<void>;
};

export const errorCode = (r: ApiResponse): string | undefined =>
  (r.json.error as { code?: string } | undefined)?.code;

export const practiceInput = (name: string): CreatePracticeInput => ({
  name,
  timeZone: "America/Chicago",
  address,
  taxId: "12-3456789",
  billingNpi: validNpi,
  taxonomyCode: "101YM0800X",
  phone: "217-555-0100",
  billingContactEmail: "billing@practice.example",
});

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

export const openHarness = async (backend: TestBackend): Promise<Harness> => {
  const database = await openTestDatabase(backend);
  const clock = new ManualClock("2026-03-01T15:00:00Z");
  const logLines: string[] = [];
  const shareLinkKey = Buffer.alloc(32, 9);
  const app = createApp({
    database,
    clock,
    logger: jsonLogger((line) => logLines.push(line)),
    shareLinkKey,
    // Pay links of outreach are signed with the same test key material (its own derivation).
    outreach: { payLinkKey: shareLinkKey },
  });

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) {
      headers.cookie = options.cookie;
      // As a browser on billcycle's own page sends it, unless the test says where the request comes from.
      if (headers.origin === undefined && headers["sec-fetch-site"] === undefined)
        headers["sec-fetch-site"] = "same-origin";
    }
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    // The Node adapter hands the route its request as env.incoming; only the socket address is read from it.
    const env = options.remoteAddress
      ? { incoming: { socket: { remoteAddress: options.remoteAddress } } }
      : undefined;
    const res = await app.request(path, { method, headers, body }, env);
    const text = await res.text();
    let json: Json = {};
    if (text && res.headers.get("content-type")?.includes("json")) json = JSON.parse(text) as Json;
    return { status: res.status, json, text, headers: res.headers };
  };

  const newPractice = async (label: string, input: Partial<CreatePracticeInput> = {}) => {
    const tag = unique();
    const now = clock.now();
    const users = {} as Record<Role, UserFixture>;
    const owner = await createUser(database, {
      input: { email: `owner-${tag}@example.com`, name: `${label} owner`, password: PASSWORD },
      memberships: [],
      now,
    });
    const name = `${label} practice ${tag}`;
    const { id } = await createPractice(database, {
      input: { ...practiceInput(name), ...input },
      ownerUserId: owner.id,
      now,
    });
    for (const role of roles) {
      const email = `${role}-${tag}@example.com`;
      const user =
        role === "owner"
          ? owner
          : await createUser(database, {
              input: { email, name: `${label} ${role}`, password: PASSWORD },
              memberships: [{ practiceId: id, role }],
              now,
            });
      // The longest expiry, so tests that travel in time keep their credentials; read-only users can only
      // hold read tokens.
      const { token } = await createApiToken(
        database,
        {
          userId: user.id,
          name: "tests",
          expiresInDays: 365,
          scopes: [role === "read_only" ? "read" : "write"],
          createdVia: "cli",
        },
        { userId: null, practiceId: null, role: null, label: "system:tests" },
        now,
      );
      users[role] = { id: user.id, email: role === "owner" ? `owner-${tag}@example.com` : email, token };
    }
    return { id, name, users, records: {} };
  };

  const seedRecords = async (practice: PracticeFixture, options: { engine?: boolean } = {}) => {
    const seeded = [...seedOrder, ...engineSeeded] as readonly string[];
    const missing = resources.map((r) => r.path).filter((p) => !seeded.includes(p));
    if (missing.length) throw new Error(`test/support has no seed for: ${missing.join(", ")}`);
    const refs: Refs = {};
    for (const resource of seedOrder) {
      const res = await call("POST", `/api/v1/practices/${practice.id}/${resource}`, {
        token: practice.users.owner.token,
        body: createBody(resource, refs),
      });
      if (res.status !== 201) throw new Error(`seeding ${resource}: ${res.status} ${res.text}`);
      refs[resource] = String(res.json.id);
      practice.records[resource] = { id: String(res.json.id), version: Number(res.json.version) };
    }
    if (options.engine) await seedEngineRecords(harness, practice);
  };

  const harness: Harness = {
    backend,
    database,
    clock,
    app,
    shareLinkKey,
    logLines,
    call,
    newPractice,
    seedRecords,
    dispose: () => database.dispose(),
  };
  return harness;
};

export { refsOf };
