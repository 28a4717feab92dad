import type {
  AppointmentBillingFacts,
  AppointmentStatus,
  LocalDate,
  PolicyFact,
  ServiceFact,
} from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import { pgArray, runPrepared } from "./bulk-insert";

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
  date_of_service: string;
  pays_by: "insurance" | "self_pay";
  has_address: boolean;
  invoice_number: string | null;
  /** [service id, code, description, billable, insurance eligible, fee cents, units, modifiers], by position. */
  services: Json<Array<[string, string, string, boolean, boolean, number, number, string[]]>> | null;
  /** [policy id, payer id, rank] of the policies in effect on the date of service. */
  policies: Json<Array<[string, string, PolicyFact["rank"]]>> | null;
  diagnoses: Json<string[]> | null;
  note_signed: boolean | null;
};

/** A json column: node-postgres and PGlite parse it; a driver that hands over the text gets it parsed here. */
type Json<T> = T | string;
const json = <T>(value: Json<T> | null): T | null =>
  value === null ? null : typeof value === "string" ? (JSON.parse(value) as T) : value;

const rankOrder = { primary: 0, secondary: 1, tertiary: 2 } as const;

/**
 * Everything eligibility needs about a set of appointments, in one set-based statement (not per appointment):
 * the appointments with client and invoice, and for each its services, the client's policies in effect on the date
 * of service, the client's active diagnoses and the note. Lists travel as single array parameters, so a filter of
 * any length is one parameter.
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
  // Only sessions without an invoice: an anti-join, bounded below by the cursor so it never rescans the key.
  if (filter.onlyUninvoiced)
    where.push(
      sql`NOT EXISTS (SELECT 1 FROM appointment_invoices ai WHERE ai.appointment_id = a.id${
        filter.afterId ? sql` AND ai.appointment_id > ${filter.afterId}::uuid` : sql``
      })`,
    );
  const limit = filter.limit ? sql` LIMIT ${filter.limit}` : sql``;
  const rows = await runPrepared<FactsRow>(
    tx,
    sql`
      WITH a AS (
        SELECT a.id, a.practice_id, a.client_id, a.provider_id, a.location_id, a.status, a.date_of_service,
          c.pays_by, c.address IS NOT NULL AS has_address
        FROM appointments a
        JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY a.id${limit}
      ),
      -- Services joined once for the whole set (a per-row subquery would rescan the small services table per row).
      svc AS (
        SELECT s.appointment_id, json_agg(json_build_array(v.id, v.code, v.description, v.billable,
            v.insurance_eligible, v.fee_cents, s.units, s.modifiers) ORDER BY s.position) AS services
        FROM a
        JOIN appointment_services s ON s.practice_id = a.practice_id AND s.appointment_id = a.id
        JOIN services v ON v.id = s.service_id
        GROUP BY s.appointment_id
      )
      SELECT a.id::text AS id, a.client_id::text AS client_id, a.provider_id::text AS provider_id,
        a.location_id::text AS location_id, a.status, a.date_of_service::text AS date_of_service, a.pays_by,
        a.has_address,
        (SELECT inv.number FROM appointment_invoices ai JOIN invoices inv ON inv.id = ai.invoice_id
          WHERE ai.appointment_id = a.id) AS invoice_number,
        svc.services,
        (SELECT json_agg(json_build_array(p.id, p.payer_id, p.rank) ORDER BY p.id)
          FROM insurance_policies p
          WHERE p.practice_id = a.practice_id AND p.client_id = a.client_id
            AND p.effective_from <= a.date_of_service
            AND (p.effective_to IS NULL OR p.effective_to >= a.date_of_service)) AS policies,
        (SELECT json_agg(d.code ORDER BY d.rank, d.id)
          FROM diagnoses d
          WHERE d.practice_id = a.practice_id AND d.active AND d.client_id = a.client_id) AS diagnoses,
        (SELECT n.signed FROM progress_notes n
          WHERE n.practice_id = a.practice_id AND n.appointment_id = a.id) AS note_signed
      FROM a
      LEFT JOIN svc ON svc.appointment_id = a.id
      ORDER BY a.id`,
  );

  return rows.map((r) => {
    const services: ServiceFact[] = (json(r.services) ?? []).map(
      ([serviceId, code, description, billable, insuranceEligible, feeCents, units, modifiers]) => ({
        serviceId,
        code,
        description,
        billable,
        insuranceEligible,
        feeCents: Number(feeCents),
        units,
        modifiers,
      }),
    );
    const activePolicies: PolicyFact[] = (json(r.policies) ?? [])
      .map(([policyId, payerId, rank]) => ({ policyId, payerId, rank }))
      .sort((x, y) => rankOrder[x.rank] - rankOrder[y.rank]);
    return {
      appointmentId: r.id,
      clientId: r.client_id,
      providerId: r.provider_id,
      locationId: r.location_id,
      status: r.status,
      dateOfService: r.date_of_service,
      clientPaysBy: r.pays_by,
      clientHasAddress: r.has_address,
      services,
      activePolicies,
      diagnosisCodes: json(r.diagnoses) ?? [],
      note: r.note_signed === null ? null : { signed: r.note_signed },
      existingInvoiceNumber: r.invoice_number ?? null,
    };
  });
};
