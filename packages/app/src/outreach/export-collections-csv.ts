import { type Database, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { amountOutstandingText } from "./outreach-facts";

const cell = (v: unknown): string => {
  const text = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would be a formula in a spreadsheet: quoted with a ' first.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The sets sent to collections, as a CSV for the agency (one row per set), optionally since an instant. */
export const exportCollectionsCsv = async (
  database: Database,
  input: { actor: TenantActor; since?: string | undefined; now: Date },
): Promise<string> => {
  const rows = await runPrepared<Record<string, unknown>>(
    database.db,
    sql`SELECT s.id::text AS set_id, c.id::text AS patient_id, c.first_name, c.last_name, c.date_of_birth,
        c.phone, c.email, c.address->>'line1' AS address_line1, c.address->>'city' AS city,
        c.address->>'state' AS state, c.address->>'zip' AS zip,
        ${sql.raw(amountOutstandingText("s"))} AS amount_cents, s.created_at, s.moved_at AS sent_to_collections_at
      FROM outreach_sets s JOIN clients c ON c.practice_id = s.practice_id AND c.id = s.client_id
      WHERE s.practice_id = ${input.actor.practiceId}::uuid AND s.status = 'collections'
        ${input.since ? sql`AND s.moved_at >= ${input.since}::timestamptz` : sql``}
      ORDER BY s.moved_at, s.id`,
  );
  await database.db.transaction((tx) =>
    recordAudit(tx, input.actor, "list", "outreach_collections_export", null, input.now, {
      rows: rows.length,
    }),
  );
  const header = [
    "set_id",
    "patient_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "phone",
    "email",
    "address_line1",
    "city",
    "state",
    "zip",
    "amount_outstanding",
    "set_created_at",
    "sent_to_collections_at",
  ];
  const lines = rows.map((r) =>
    [
      r.set_id,
      r.patient_id,
      r.first_name,
      r.last_name,
      r.date_of_birth,
      r.phone,
      r.email,
      r.address_line1,
      r.city,
      r.state,
      r.zip,
      (Number(r.amount_cents) / 100).toFixed(2),
      new Date(r.created_at as string).toISOString(),
      new Date(r.sent_to_collections_at as string).toISOString(),
    ]
      .map(cell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
};
