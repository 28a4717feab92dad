import type { AppointmentBillingFacts, AppointmentStatus, LocalDate, PolicyFact } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq, gt, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";

export type FactsFilter = {
  appointmentIds?: readonly string[];
  dosFrom?: LocalDate | null;
  dosTo?: LocalDate;
  statuses?: readonly AppointmentStatus[];
  onlyUninvoiced?: boolean;
  afterId?: string;
  limit?: number;
};

const { appointments: a, clients: c, appointmentInvoices: ai, invoices: inv } = tables;

/**
 * Everything eligibility needs about a set of appointments, in five set-based queries (not per appointment):
 * the appointments with client and invoice, their services, the clients' policies and diagnoses, the notes.
 */
export const loadAppointmentFacts = async (
  tx: Executor,
  practiceId: string,
  filter: FactsFilter,
): Promise<AppointmentBillingFacts[]> => {
  const where: SQL[] = [eq(a.practiceId, practiceId)];
  if (filter.appointmentIds) where.push(inArray(a.id, [...filter.appointmentIds]));
  if (filter.dosFrom) where.push(gte(a.dateOfService, filter.dosFrom));
  if (filter.dosTo) where.push(lte(a.dateOfService, filter.dosTo));
  if (filter.statuses) where.push(inArray(a.status, [...filter.statuses]));
  if (filter.onlyUninvoiced) where.push(isNull(ai.appointmentId));
  if (filter.afterId) where.push(gt(a.id, filter.afterId));
  const base = tx
    .select({
      id: a.id,
      clientId: a.clientId,
      providerId: a.providerId,
      locationId: a.locationId,
      status: a.status,
      dateOfService: a.dateOfService,
      paysBy: c.paysBy,
      hasAddress: sql<boolean>`${c.address} is not null`,
      invoiceNumber: inv.number,
    })
    .from(a)
    .innerJoin(c, and(eq(c.practiceId, a.practiceId), eq(c.id, a.clientId)))
    .leftJoin(ai, eq(ai.appointmentId, a.id))
    .leftJoin(inv, eq(inv.id, ai.invoiceId))
    .where(and(...where))
    .orderBy(asc(a.id));
  const rows = filter.limit ? await base.limit(filter.limit) : await base;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const clientIds = [...new Set(rows.map((r) => r.clientId))];

  const [serviceRows, policyRows, diagnosisRows, noteRows] = await Promise.all([
    tx
      .select({
        appointmentId: tables.appointmentServices.appointmentId,
        serviceId: tables.services.id,
        code: tables.services.code,
        description: tables.services.description,
        billable: tables.services.billable,
        insuranceEligible: tables.services.insuranceEligible,
        feeCents: tables.services.feeCents,
        units: tables.appointmentServices.units,
        modifiers: tables.appointmentServices.modifiers,
      })
      .from(tables.appointmentServices)
      .innerJoin(tables.services, eq(tables.services.id, tables.appointmentServices.serviceId))
      .where(
        and(
          eq(tables.appointmentServices.practiceId, practiceId),
          inArray(tables.appointmentServices.appointmentId, ids),
        ),
      )
      .orderBy(asc(tables.appointmentServices.appointmentId), asc(tables.appointmentServices.position)),
    tx
      .select({
        clientId: tables.insurancePolicies.clientId,
        policyId: tables.insurancePolicies.id,
        payerId: tables.insurancePolicies.payerId,
        rank: tables.insurancePolicies.rank,
        from: tables.insurancePolicies.effectiveFrom,
        to: tables.insurancePolicies.effectiveTo,
      })
      .from(tables.insurancePolicies)
      .where(
        and(
          eq(tables.insurancePolicies.practiceId, practiceId),
          inArray(tables.insurancePolicies.clientId, clientIds),
        ),
      ),
    tx
      .select({ clientId: tables.diagnoses.clientId, code: tables.diagnoses.code })
      .from(tables.diagnoses)
      .where(
        and(
          eq(tables.diagnoses.practiceId, practiceId),
          eq(tables.diagnoses.active, true),
          inArray(tables.diagnoses.clientId, clientIds),
        ),
      )
      .orderBy(asc(tables.diagnoses.clientId), asc(tables.diagnoses.rank)),
    tx
      .select({ appointmentId: tables.progressNotes.appointmentId, signed: tables.progressNotes.signed })
      .from(tables.progressNotes)
      .where(
        and(
          eq(tables.progressNotes.practiceId, practiceId),
          inArray(tables.progressNotes.appointmentId, ids),
        ),
      ),
  ]);

  const group = <T, K>(items: T[], key: (t: T) => K): Map<K, T[]> => {
    const m = new Map<K, T[]>();
    for (const item of items) {
      const k = key(item);
      const list = m.get(k);
      if (list) list.push(item);
      else m.set(k, [item]);
    }
    return m;
  };
  const servicesBy = group(serviceRows, (s) => s.appointmentId);
  const policiesBy = group(policyRows, (p) => p.clientId);
  const diagnosesBy = group(diagnosisRows, (d) => d.clientId);
  const notesBy = new Map(noteRows.map((n) => [n.appointmentId, n]));
  const rankOrder = { primary: 0, secondary: 1, tertiary: 2 } as const;

  return rows.map((r) => {
    const activePolicies: PolicyFact[] = (policiesBy.get(r.clientId) ?? [])
      .filter((p) => p.from <= r.dateOfService && (p.to === null || p.to >= r.dateOfService))
      .sort((x, y) => rankOrder[x.rank] - rankOrder[y.rank])
      .map((p) => ({ policyId: p.policyId, payerId: p.payerId, rank: p.rank }));
    const note = notesBy.get(r.id);
    return {
      appointmentId: r.id,
      clientId: r.clientId,
      providerId: r.providerId,
      locationId: r.locationId,
      status: r.status,
      dateOfService: r.dateOfService,
      clientPaysBy: r.paysBy,
      clientHasAddress: r.hasAddress,
      services: (servicesBy.get(r.id) ?? []).map(({ appointmentId: _, ...s }) => s),
      activePolicies,
      diagnosisCodes: (diagnosesBy.get(r.clientId) ?? []).map((d) => d.code),
      note: note ? { signed: note.signed } : null,
      existingInvoiceNumber: r.invoiceNumber ?? null,
    };
  });
};
