import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/** A patient no other fixture resembles, so any appearance in a log line is this test's data leaking. */
const patient = {
  firstName: "Quintessa",
  lastName: "Zyglowski",
  dateOfBirth: "1961-11-23",
  email: "q.zyglowski.phi@example.org",
  phone: "512-867-5309",
};
const phi = [
  patient.firstName,
  patient.lastName,
  patient.dateOfBirth,
  patient.email,
  patient.phone,
  "+15128675309", // the phone as saved (E.164)
  "Zyglowsky",
  "F33.1",
];

describe.each(testBackends())("no patient data in logs on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  /** Everything written to the console or the process streams while the requests ran. */
  const printed: string[] = [];

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Logs");
    await h.seedRecords(p);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await h?.dispose();
  });

  it("a day of requests about a patient, including failures, logs none of the patient's details", async () => {
    const capture =
      (stream: string) =>
      (...args: unknown[]) => {
        printed.push(
          `${stream}: ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`,
        );
        return true;
      };
    for (const m of ["log", "info", "warn", "error", "debug"] as const)
      vi.spyOn(console, m).mockImplementation(capture(m));
    vi.spyOn(process.stdout, "write").mockImplementation(capture("stdout"));
    vi.spyOn(process.stderr, "write").mockImplementation(capture("stderr"));

    const base = `/api/v1/practices/${p.id}`;
    const token = p.users.owner.token;
    const bodies: string[] = [];
    const call = async (method: string, path: string, body?: unknown, rawBody?: string) => {
      const res = await h.call(method, path, { token, body, ...(rawBody === undefined ? {} : { rawBody }) });
      bodies.push(res.text);
      return res;
    };

    const created = await call("POST", `${base}/clients`, {
      ...createBody("clients", refsOf(p)),
      ...patient,
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await call("GET", `${base}/clients/${id}`)).status).toBe(200);
    expect((await call("GET", `${base}/clients?lastName=${patient.lastName}`)).status).toBe(200);
    const patched = await call("PATCH", `${base}/clients/${id}`, { version: 1, lastName: "Zyglowsky" });
    expect(patched.status).toBe(200);
    const diagnosis = await call("POST", `${base}/diagnoses`, { clientId: id, code: "F33.1", rank: 1 });
    expect(diagnosis.status).toBe(201);

    // Failures whose bodies carry the patient's details.
    expect(
      errorCode(
        await call("POST", `${base}/clients`, {
          ...createBody("clients", refsOf(p)),
          ...patient,
          favorite: patient.lastName,
        }),
      ),
    ).toBe("UNKNOWN_FIELD");
    expect(
      errorCode(await call("POST", `${base}/clients`, undefined, `{"lastName":"${patient.lastName}",`)),
    ).toBe("MALFORMED_JSON");
    expect(
      errorCode(await call("PATCH", `${base}/clients/${id}`, { version: 1, email: patient.email })),
    ).toBe("VERSION_CONFLICT");

    // A unique violation: the database's message names the duplicated email.
    await h.database.exec("CREATE UNIQUE INDEX test_clients_email_key ON clients (practice_id, email)");
    try {
      const duplicate = await call("POST", `${base}/clients`, {
        ...createBody("clients", refsOf(p)),
        ...patient,
      });
      expect([duplicate.status, errorCode(duplicate)]).toEqual([409, "CONFLICT"]);
    } finally {
      await h.database.exec("DROP INDEX test_clients_email_key");
    }

    // An unexpected database error whose message carries the patient's name and birth date.
    await h.database.exec(`
      CREATE FUNCTION test_fail_client_update() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'cannot update % % born %', NEW.first_name, NEW.last_name, NEW.date_of_birth; END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER test_fail_client_update BEFORE UPDATE ON clients
        FOR EACH ROW EXECUTE FUNCTION test_fail_client_update();`);
    let internal: Awaited<ReturnType<typeof call>>;
    try {
      internal = await call("PATCH", `${base}/clients/${id}`, { version: 2, phone: patient.phone });
    } finally {
      await h.database.exec(
        "DROP TRIGGER test_fail_client_update ON clients; DROP FUNCTION test_fail_client_update();",
      );
    }
    expect([internal.status, errorCode(internal)]).toEqual([500, "INTERNAL"]);
    vi.restoreAllMocks();

    // The log saw every request and the failure, with an id to find it by.
    const lines = h.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThanOrEqual(10);
    expect(requests.map((l) => l.status)).toEqual(expect.arrayContaining([200, 201, 400, 409, 412, 500]));
    const unhandled = lines.filter((l) => l.msg === "unhandled");
    expect(unhandled).toHaveLength(1);
    const errorId = String(unhandled[0]?.errorId);
    expect((internal.json.error as { message: string }).message).toContain(errorId);

    const everything = [...h.logLines, ...printed].join("\n").toLowerCase();
    for (const value of phi) expect(everything, `log contains ${value}`).not.toContain(value.toLowerCase());
    // Record ids and query strings stay out too: the log names route patterns.
    expect(everything).not.toContain(id);
    expect(requests.every((l) => typeof l.route === "string" && !String(l.route).includes("?"))).toBe(true);

    // Error responses do not echo the database's message either.
    for (const body of bodies.slice(5)) {
      for (const value of [patient.dateOfBirth, patient.email, patient.phone])
        expect(body).not.toContain(value);
    }
  });
});
