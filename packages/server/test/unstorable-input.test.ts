import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  PASSWORD,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody, type Json } from "@billcycle/testing/bodies";
import { rowCounts } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused, issuesOf } from "./support/refusals";

const NUL = "\u0000";
const LONE_SURROGATE = "\ud800";

/** A sorted list's cursor as the server writes it: base64url JSON of [sort value, id]. */
const cursorOf = (value: unknown, id = "0190a4b2-0000-7000-8000-000000000000") =>
  Buffer.from(JSON.stringify([value, id])).toString("base64url");

// PostgreSQL refuses U+0000 in text (22021) and a value of the wrong type for a column (22P02, 22007, 22008):
// both must be refused as the caller's mistake before they reach it, not answered with a 500.
describe.each(testBackends())("text and cursors the database would refuse, on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let base: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Unstorable");
    await h.seedRecords(p, { engine: true });
    base = `/api/v1/practices/${p.id}`;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const client = (): Json => createBody("clients", refsOf(p));
  const refusedText = (method: string, path: string, body: unknown, field: string) =>
    expectRefused(
      h,
      p.users.owner.token,
      { method, path, options: body === undefined ? {} : { body } },
      { status: 400, code: "INVALID_TEXT", field },
    );

  it("a NUL character in a JSON string field is INVALID_TEXT naming the field, at any depth", async () => {
    await refusedText("POST", `${base}/clients`, { ...client(), firstName: `Ca${NUL}sey` }, "firstName");
    await refusedText(
      "POST",
      `${base}/clients`,
      { ...client(), address: { ...(client().address as Json), line1: `1${NUL}` } },
      "address.line1",
    );
    await refusedText(
      "PATCH",
      `${base}/clients/${p.records.clients!.id}`,
      { version: p.records.clients!.version, phone: NUL },
      "phone",
    );
    await refusedText(
      "POST",
      `${base}/services`,
      { ...createBody("services", {}), modifiers: ["HO", `H${NUL}`] },
      "modifiers.1",
    );
    // In a key too: it would be echoed back in the unknown-field error.
    await refusedText("POST", `${base}/clients`, { ...client(), [`x${NUL}`]: 1 }, "x\\u0000");
  });

  it("a lone UTF-16 surrogate is INVALID_TEXT; a character outside the BMP (a surrogate pair) is stored", async () => {
    const res = await refusedText(
      "POST",
      `${base}/clients`,
      { ...client(), lastName: `Client${LONE_SURROGATE}` },
      "lastName",
    );
    expect(issuesOf(res)[0]?.message).toMatch(/surrogate/i);
    await refusedText("POST", `${base}/clients`, { ...client(), lastName: "\udc00x" }, "lastName");
    const ok = await h.call("POST", `${base}/clients`, {
      token: p.users.owner.token,
      body: { ...client(), lastName: "Ng 🌱" },
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.lastName).toBe("Ng 🌱");
    // The same pair written as JSON escapes, and a backslash before "u0000" (not an escape), are text too.
    const escaped = await h.call("POST", `${base}/clients`, {
      token: p.users.owner.token,
      rawBody: JSON.stringify({ ...client(), lastName: "Ng", firstName: "PLACEHOLDER" }).replace(
        "PLACEHOLDER",
        "Sam \\ud83c\\udf31 \\\\u0000",
      ),
    });
    expect(escaped.status, escaped.text).toBe(201);
    expect(escaped.json.firstName).toBe("Sam 🌱 \\u0000");
  });

  it("NUL before authentication: sign-in with a NUL in the email is INVALID_TEXT, not a failed lookup", async () => {
    const before = await rowCounts(h.database);
    const res = await h.call("POST", "/api/v1/auth/login", {
      body: { email: `${p.users.owner.email}${NUL}`, password: PASSWORD },
    });
    expect([res.status, errorCode(res)]).toEqual([400, "INVALID_TEXT"]);
    expect(await rowCounts(h.database)).toEqual(before);
  });

  it("a NUL in a query parameter is INVALID_TEXT naming the parameter", async () => {
    const res = await refusedText(
      "GET",
      `${base}/claims?search=${encodeURIComponent(`CL${NUL}`)}`,
      undefined,
      "search",
    );
    expect(issuesOf(res)[0]?.path).toBe("search");
    await refusedText("GET", `${base}/clients?limit=1%00`, undefined, "limit");
  });

  it("a NUL in a path parameter is INVALID_TEXT", async () => {
    const res = await h.call("GET", `${base}/clients/${p.records.clients!.id}%00`, {
      token: p.users.owner.token,
    });
    expect([res.status, errorCode(res)]).toEqual([400, "INVALID_TEXT"]);
  });

  it("a sorted list's cursor whose value is not of the sort column's type is refused (VALIDATION_FAILED)", async () => {
    const bad: Array<[string, unknown]> = [
      ["totalCents", "abc"],
      ["totalCents", 1.5],
      ["totalCents", 1e300],
      ["number", "12"],
      ["invoiceDate", "not-a-date"],
      ["invoiceDate", "2026-02-30"],
      ["invoiceDate", 20260301],
      ["status", `Open${NUL}`],
      ["status", 7],
    ];
    for (const [sort, value] of bad) {
      for (const direction of ["", "-"]) {
        const res = await h.call(
          "GET",
          `${base}/invoices?sort=${direction}${sort}&cursor=${cursorOf(value)}`,
          {
            token: p.users.owner.token,
          },
        );
        const what = `${direction}${sort} ${JSON.stringify(value)}`;
        expect({ what, status: res.status, code: errorCode(res) }).toEqual({
          what,
          status: 400,
          code: "VALIDATION_FAILED",
        });
        expect(issuesOf(res).length === 0 ? (res.json.error as Json).field : "cursor").toBe("cursor");
      }
    }
    const claims: Array<[string, unknown]> = [
      ["createdAt", "yesterday"],
      ["createdAt", 5],
      ["paidCents", "0"],
      ["patientControlNumber", `CL${NUL}`],
      ["patientControlNumber", LONE_SURROGATE],
    ];
    for (const [sort, value] of claims) {
      const res = await h.call("GET", `${base}/claims?sort=${sort}&cursor=${cursorOf(value)}`, {
        token: p.users.owner.token,
      });
      expect([`${sort} ${JSON.stringify(value)}`, res.status, errorCode(res)]).toEqual([
        `${sort} ${JSON.stringify(value)}`,
        400,
        "VALIDATION_FAILED",
      ]);
    }
  });

  it("control: the cursors the server writes, and well-typed values for every sort, are accepted", async () => {
    // Two invoices (the seeded open and pended ones): a page of one has a next cursor.
    for (const sort of ["number", "invoiceDate", "totalCents", "status"]) {
      const first = await h.call("GET", `${base}/invoices?sort=${sort}&limit=1`, {
        token: p.users.owner.token,
      });
      expect(typeof first.json.nextCursor, sort).toBe("string");
      const next = await h.call(
        "GET",
        `${base}/invoices?sort=${sort}&limit=1&cursor=${first.json.nextCursor}`,
        {
          token: p.users.owner.token,
        },
      );
      expect([sort, next.status, (next.json.data as unknown[]).length]).toEqual([sort, 200, 1]);
    }
    // One claim: a cursor made of its own values, as the server would write it, is read without refusal.
    const claim = (
      (await h.call("GET", `${base}/claims`, { token: p.users.owner.token })).json.data as Json[]
    )[0]!;
    for (const sort of ["patientControlNumber", "status", "totalCents", "paidCents", "createdAt"]) {
      const res = await h.call(
        "GET",
        `${base}/claims?sort=-${sort}&cursor=${cursorOf(claim[sort], String(claim.id))}`,
        {
          token: p.users.owner.token,
        },
      );
      expect([sort, res.status]).toEqual([sort, 200]);
    }
  });
});
