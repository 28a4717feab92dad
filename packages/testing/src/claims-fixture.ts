import {
  createInvoices,
  importInboundFile,
  processInvoices,
  type TenantActor,
  transitionClaims,
  updateClaimsSettings,
} from "@billcycle/app";
import { type Database, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import {
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "./billing-fixture";
import { local } from "./engine-harness";

export const ZONE = "America/Chicago";

/** A practice with `count` submitted claims for kept 90837 sessions on 2026-03-02 ($175 each). */
export const practiceWithSubmittedClaims = async (
  database: Database,
  count: number,
  now = local("2026-03-01T12:00", ZONE),
) => {
  const p = await createBillingPractice(database, ZONE, now);
  const clientId = await createClient(database, p, now);
  for (let i = 0; i < count; i++) {
    await createAppointment(database, p, clientId, now, {
      localStart: `2026-03-02T${String(9 + i).padStart(2, "0")}:00`,
      status: "kept",
    });
  }
  await createInvoices(
    database,
    { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-02" },
    now,
  );
  await processInvoices(
    database,
    { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-03" },
    now,
  );
  const claims = await database.db
    .select()
    .from(tables.claims)
    .where(eq(tables.claims.practiceId, p.practiceId));
  await database.db.transaction((tx) =>
    transitionClaims(tx, {
      practiceId: p.practiceId,
      claimIds: claims.map((c) => c.id),
      to: "submitted",
      now,
      actor: "test",
      cause: { kind: "file", fileId: "test" },
    }),
  );
  const sorted = claims.sort((a, b) => a.patientControlNumber.localeCompare(b.patientControlNumber));
  return { p, claims: sorted };
};

let n = 0;
export const importFile = (
  database: Database,
  p: PracticeFixture,
  content: string,
  now = local("2026-03-06T12:00", ZONE),
) => importInboundFile(database, p.practiceId, { name: `in-${Date.now()}-${n++}.x12`, content }, now, "test");

export const setUnknownCodeAction = (
  database: Database,
  actor: TenantActor,
  action: "block" | "deny",
  version: number,
) =>
  updateClaimsSettings(database, {
    actor,
    settings: { disabledWarnings: [], unknownCodeAction: action, connectionId: null },
    expectedVersion: version,
    now: local("2026-03-06T12:00", ZONE),
  });
