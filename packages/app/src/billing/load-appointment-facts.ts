import type {
  AppointmentBillingFacts,
  AppointmentStatus,
  LocalDate,
  PolicyFact,
  ServiceFact,
} from "@billcycle/core";
import { type Executor, pgArray, runPrepared } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";

export type FactsFilter = {
  appointmentIds?: readonly string[];
  dosFrom?: LocalDate | null;
  dosTo?: LocalDate;
  statuses?: readonly AppointmentStatus[];
  onlyUninvoiced?: boolean;
  afterId?: string;
  limit?: number;
};

type FactsRow = {
  id: string;
  client_id: string;
  provider_id: string;
  location_id: string;
  status: AppointmentStatus;
  version: number;
  date_of_service: string;
  pays_by: "insurance" | "self_pay";
  to_employer: boolean;
  has_address: boolean;
  invoice_number: string | null;
  /** [position, service id, code, description, billable, insurance eligible, fee cents, units, modifiers]. */
  services: Json<Array<[number, string, string, string, boolean, boolean, number, number, string[]]>> | null;
  /** The client's policies: [policy id, payer id, rank, effective from, effective to]. */
  policies: Json<Array<[string, string, PolicyFact["rank"], string, string | null]>> | null;
  /** The client's active diagnoses: [rank, id, code]. */
  diagnoses: Json<Array<[number, string, string]>> | null;
  note_signed: boolean | null;
  /** [who (the user's name, else the actor label), reason, when (ISO)] when a void waived the session. */
  waiver: Json<[string, string, string]> | null;
};

/** A json column: node-postgres and PGlite parse it; a driver that hands over the text gets it parsed here. */
type Json<T> = T | string;
const json = <T>(value: Json<T> | null): T | null =>
  value === null ? null : typeof value === "string" ? (JSON.parse(value) as T) : value;

const rankOrder = { primary: 0, secondary: 1, tertiary: 2 } as const;
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Everything eligibility needs about a set of appointments, in one set-based statement (not per appointment):
 * the appointments with client, invoice and note, their services, and their clients' policies and active
 * diagnoses. Lists travel as single array parameters, so a filter of any length is one parameter.
 */
export const loadAppointmentFacts = async (
  tx: Executor,
  practiceId: string,
  filter: FactsFilter,
): Promise<AppointmentBillingFacts[]> => {
  const where: SQL[] = [sql`a.practice_id = ${practiceId}::uuid`];
  if (filter.appointmentIds) where.push(sql`a.id = ANY(${pgArray(filter.appointmentIds, "uuid")}::uuid[])`);
  if (filter.dosFrom) where.push(sql`a.date_of_service >= ${filter.dosFrom}::date`);
  if (filter.dosTo) where.push(sql`a.date_of_service <= ${filter.dosTo}::date`);
  if (filter.statuses) where.push(sql`a.status = ANY(${pgArray(filter.statuses, "text")}::text[])`);
  if (filter.afterId) where.push(sql`a.id > ${filter.afterId}::uuid`);
  // Only sessions without an invoice: probed per session through the key (a LATERAL … LIMIT 1 stays a per-row
  // index probe; an anti-join would walk the key across every other practice's sessions in the same id range).
  const invoiced = filter.onlyUninvoiced
    ? sql`LEFT JOIN LATERAL (SELECT true AS hit FROM appointment_invoices ai WHERE ai.appointment_id = a.id LIMIT 1) inv ON true`
    : sql``;
  if (filter.onlyUninvoiced) where.push(sql`inv.hit IS NULL`);
  // A waived session is never invoiced again: runs do not even look at it (the decision refuses it too).
  if (filter.onlyUninvoiced)
    where.push(sql`NOT EXISTS (SELECT 1 FROM session_waivers w
      WHERE w.practice_id = a.practice_id AND w.appointment_id = a.id)`);
  const limit = filter.limit ? sql` LIMIT ${filter.limit}` : sql``;
  const rows = await runPrepared<FactsRow>(
    tx,
    sql`
      WITH a AS (
        SELECT a.id, a.practice_id, a.client_id, a.provider_id, a.location_id, a.status, a.version,
          a.date_of_service, c.pays_by, c.address IS NOT NULL AS has_address,
          COALESCE(a.bill_to, c.bill_to) = 'employer' AS to_employer
        FROM appointments a
        JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
        ${invoiced}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY a.id${limit}
      ),
      -- Services are joined once for the whole set (a per-row subquery would rescan the small services table per
      -- row); policies, diagnoses, note and invoice are per-row index lookups. Orders are restored in memory, so
      -- no aggregate sorts per row or group.
      svc AS (
        SELECT s.appointment_id, json_agg(json_build_array(s.position, v.id, v.code, v.description, v.billable,
            v.insurance_eligible, v.fee_cents, s.units, s.modifiers)) AS services
        FROM a
        JOIN appointment_services s ON s.practice_id = a.practice_id AND s.appointment_id = a.id
        JOIN services v ON v.id = s.service_id
        GROUP BY s.appointment_id
      )
      SELECT a.id::text AS id, a.client_id::text AS client_id, a.provider_id::text AS provider_id,
        a.location_id::text AS location_id, a.status, a.version, a.date_of_service::text AS date_of_service,
        a.pays_by,
        a.has_address,
        COALESCE(a.to_employer, false) AS to_employer,
        (SELECT inv.number FROM appointment_invoices ai JOIN invoices inv ON inv.id = ai.invoice_id
          WHERE ai.appointment_id = a.id) AS invoice_number,
        svc.services,
        (SELECT json_agg(json_build_array(p.id, p.payer_id, p.rank, p.effective_from, p.effective_to))
          FROM insurance_policies p WHERE p.practice_id = a.practice_id AND p.client_id = a.client_id) AS policies,
        (SELECT json_agg(json_build_array(d.rank, d.id, d.code))
          FROM diagnoses d
          WHERE d.practice_id = a.practice_id AND d.client_id = a.client_id AND d.active) AS diagnoses,
        (SELECT n.signed FROM progress_notes n
          WHERE n.practice_id = a.practice_id AND n.appointment_id = a.id) AS note_signed,
        (SELECT json_build_array(coalesce(u.name, w.waived_by), w.reason, w.waived_at)
          FROM session_waivers w LEFT JOIN users u ON u.id = w.waived_by_user_id
          WHERE w.practice_id = a.practice_id AND w.appointment_id = a.id) AS waiver
      FROM a
      LEFT JOIN svc ON svc.appointment_id = a.id
      ORDER BY a.id`,
  );

  // A client's policies and diagnoses are shared by its sessions in the batch: decode them once.
  const policiesOf = new Map<string, Array<[string, string, PolicyFact["rank"], string, string | null]>>();
  const diagnosesOf = new Map<string, string[]>();
  for (const r of rows) {
    if (!policiesOf.has(r.client_id)) {
      policiesOf.set(
        r.client_id,
        (json(r.policies) ?? []).sort((x, y) => rankOrder[x[2]] - rankOrder[y[2]] || byText(x[0], y[0])),
      );
      diagnosesOf.set(
        r.client_id,
        (json(r.diagnoses) ?? []).sort((x, y) => x[0] - y[0] || byText(x[1], y[1])).map((d) => d[2]),
      );
    }
  }
  return rows.map((r) => {
    const services: ServiceFact[] = (json(r.services) ?? [])
      .sort((x, y) => x[0] - y[0])
      .map(([, serviceId, code, description, billable, insuranceEligible, feeCents, units, modifiers]) => ({
        serviceId,
        code,
        description,
        billable,
        insuranceEligible,
        feeCents: Number(feeCents),
        units,
        modifiers,
      }));
    const dos = r.date_of_service;
    const waiver = json(r.waiver);
    const activePolicies: PolicyFact[] = policiesOf
      .get(r.client_id)!
      .filter(([, , , from, to]) => from <= dos && (to === null || to >= dos))
      .map(([policyId, payerId, rank]) => ({ policyId, payerId, rank }));
    return {
      appointmentId: r.id,
      clientId: r.client_id,
      providerId: r.provider_id,
      locationId: r.location_id,
      status: r.status,
      dateOfService: r.date_of_service,
      clientPaysBy: r.pays_by,
      billedToEmployer: r.to_employer,
      clientHasAddress: r.has_address,
      services,
      activePolicies,
      diagnosisCodes: diagnosesOf.get(r.client_id)!,
      note: r.note_signed === null ? null : { signed: r.note_signed },
      existingInvoiceNumber: r.invoice_number ?? null,
      waiver: waiver ? { by: waiver[0], reason: waiver[1], at: new Date(waiver[2]).toISOString() } : null,
      version: Number(r.version),
    };
  });
};
