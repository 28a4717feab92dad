import {
  type ClaimFollowUpAction,
  claimFollowUpActions,
  decideClaimFollowUp,
  describeCarc,
  describeRarc,
} from "@billcycle/core";
import { type Database, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../audit/record-audit";
import type { TenantActor } from "../../resources/crud";
import type { DeniedClaim } from "./follow-up-schemas";

type Row = {
  id: string;
  pcn: string;
  status: "rejected" | "adjudicated";
  adjudication: "none" | "denied";
  total_cents: string | number;
  insurance_open: string | number;
  payer_claim_number: string | null;
  updated_at: string | Date;
  invoice_id: string;
  invoice_number: string;
  client_id: string;
  first_name: string;
  last_name: string;
  payer_name: string;
  dos: string | null;
  carcs: Array<[string | null, string]> | string | null;
  rarcs: string[] | string | null;
  rejection: Array<{ code: string; text: string }> | string | null;
};

const json = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/**
 * The denials queue: denied or rejected claims nobody has followed up, oldest first (by id), with the payer's
 * reasons in words (CARC with group, RARC, a rejection's codes) and the actions allowed on each.
 */
export const listDeniedClaims = async (
  database: Database,
  {
    actor,
    limit,
    cursor,
    now,
  }: { actor: TenantActor; limit: number; cursor?: string | undefined; now: Date },
): Promise<{ data: DeniedClaim[]; nextCursor: string | null }> => {
  const after = cursor && /^[0-9a-f-]{36}$/.test(cursor) ? sql`AND c.id > ${cursor}::uuid` : sql``;
  const rows = rowsOf<Row>(
    await database.db.execute(sql`
      SELECT c.id, c.patient_control_number AS pcn, c.status, c.adjudication, c.total_cents,
        greatest(0, i.insurance_cents - i.insurance_paid_cents - i.adjustment_cents) AS insurance_open,
        c.payer_claim_number, c.updated_at, i.id AS invoice_id, i.number AS invoice_number, cl.id AS client_id,
        cl.first_name, cl.last_name, p.name AS payer_name,
        (SELECT min(l.date_of_service)::text FROM claim_lines l WHERE l.claim_id = c.id) AS dos,
        (SELECT json_agg(DISTINCT jsonb_build_array(po.group_code, po.reason_code))
          FROM postings po WHERE po.practice_id = c.practice_id AND po.claim_id = c.id
            AND po.reason_code IS NOT NULL) AS carcs,
        (SELECT rc.remark_codes FROM remittance_claims rc WHERE rc.practice_id = c.practice_id AND rc.claim_id = c.id
          ORDER BY rc.id DESC LIMIT 1) AS rarcs,
        (SELECT a.details FROM claim_acknowledgments a WHERE a.practice_id = c.practice_id AND a.claim_id = c.id
          AND a.outcome = 'rejected' ORDER BY a.at DESC LIMIT 1) AS rejection
      FROM claims c
      JOIN invoices i ON i.practice_id = c.practice_id AND i.id = c.invoice_id
      JOIN clients cl ON cl.practice_id = c.practice_id AND cl.id = c.client_id
      JOIN payers p ON p.practice_id = c.practice_id AND p.id = c.payer_id
      WHERE c.practice_id = ${actor.practiceId}::uuid AND c.follow_up = 'none'
        AND (c.status = 'rejected' OR c.adjudication = 'denied') ${after}
      ORDER BY c.id
      LIMIT ${limit + 1}`),
  );
  const page = rows.slice(0, limit);
  await recordAudit(database.db, actor, "read", "denied_claims", null, now, { count: page.length });
  return {
    data: page.map((r) => {
      const facts = {
        patientControlNumber: r.pcn,
        status: r.status,
        adjudication: r.adjudication,
        followUp: "none" as const,
        payerClaimNumber: r.payer_claim_number,
        insuranceOpenCents: Number(r.insurance_open),
      };
      const actions = claimFollowUpActions.filter(
        (a: ClaimFollowUpAction) => decideClaimFollowUp(facts, a).allowed,
      );
      return {
        claimId: r.id,
        patientControlNumber: r.pcn,
        stage: r.status === "rejected" ? ("rejected" as const) : ("denied" as const),
        clientId: r.client_id,
        clientName: `${r.first_name} ${r.last_name}`,
        payerName: r.payer_name,
        invoiceId: r.invoice_id,
        invoiceNumber: r.invoice_number,
        dateOfService: r.dos,
        totalCents: Number(r.total_cents),
        insuranceOpenCents: Number(r.insurance_open),
        payerClaimNumber: r.payer_claim_number,
        deniedAt: new Date(r.updated_at).toISOString(),
        adjustmentCodes: (json(r.carcs) ?? [])
          .map(([group, reason]) => describeCarc(group, reason))
          .sort((a, b) => a.code.localeCompare(b.code)),
        remarkCodes: (json(r.rarcs) ?? []).map(describeRarc),
        rejection: (json(r.rejection) ?? []).map((d) => ({ code: d.code, description: d.text })),
        actions,
      };
    }),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
};
