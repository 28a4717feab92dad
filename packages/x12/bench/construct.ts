/**
 * The least a typed 835 reader must do besides reading bytes: allocate the claim, line, procedure,
 * adjustment, name, date, reference and amount objects it hands out. The benchmark times
 * {@link constructClaim} over claims that were read beforehand, so every string, number and code
 * already exists: what is measured is object construction alone, a lower bound on the cost of
 * building the result (no byte is parsed, no string is made, nothing is validated or balanced).
 */
import type {
  Adjustment835,
  Amount835,
  Claim835,
  Contact835,
  Date835,
  Name835,
  Procedure835,
  Quantity835,
  Reference835,
  Remark835,
  ServiceLine835,
} from "../src/index.js";

/** Empty lists stay shared, as the reader shares one frozen empty list. */
function each<T>(list: readonly T[], copy: (item: T) => T): readonly T[] {
  if (list.length === 0) return list;
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(copy(list[i] as T));
  return out;
}

const adjustment = (a: Adjustment835): Adjustment835 =>
  a.quantity === undefined
    ? { group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents }
    : { group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents, quantity: a.quantity };
const date = (d: Date835): Date835 => ({ qualifier: d.qualifier, date: d.date });
const reference = (r: Reference835): Reference835 => ({ qualifier: r.qualifier, value: r.value });
const amount = (a: Amount835): Amount835 => ({ qualifier: a.qualifier, cents: a.cents });
const remark = (r: Remark835): Remark835 => ({ qualifier: r.qualifier, code: r.code });
const quantity = (q: Quantity835): Quantity835 => ({ qualifier: q.qualifier, quantity: q.quantity });
const contact = (c: Contact835): Contact835 => ({
  functionCode: c.functionCode,
  name: c.name,
  numbers: c.numbers.map((n) => ({ qualifier: n.qualifier, value: n.value })),
});
const name = (n: Name835): Name835 => ({
  entityCode: n.entityCode,
  entityType: n.entityType,
  lastName: n.lastName,
  firstName: n.firstName,
  middleName: n.middleName,
  suffix: n.suffix,
  idQualifier: n.idQualifier,
  id: n.id,
});
const procedure = (p: Procedure835): Procedure835 => {
  const out: Procedure835 = {
    qualifier: p.qualifier,
    code: p.code,
    modifiers: p.modifiers.length === 0 ? p.modifiers : p.modifiers.slice(),
  };
  if (p.description !== undefined) out.description = p.description;
  return out;
};

function line(l: ServiceLine835): ServiceLine835 {
  const out: ServiceLine835 = {
    procedure: procedure(l.procedure),
    chargeCents: l.chargeCents,
    paidCents: l.paidCents,
    revenueCode: l.revenueCode,
    unitsPaid: l.unitsPaid,
    dates: each(l.dates, date),
    adjustments: each(l.adjustments, adjustment),
    references: each(l.references, reference),
    amounts: each(l.amounts, amount),
    quantities: each(l.quantities, quantity),
    remarks: each(l.remarks, remark),
  };
  if (l.originalProcedure !== undefined) out.originalProcedure = procedure(l.originalProcedure);
  if (l.originalUnits !== undefined) out.originalUnits = l.originalUnits;
  if (l.serviceDate !== undefined) out.serviceDate = l.serviceDate;
  if (l.serviceFrom !== undefined) out.serviceFrom = l.serviceFrom;
  if (l.serviceTo !== undefined) out.serviceTo = l.serviceTo;
  if (l.lineControlNumber !== undefined) out.lineControlNumber = l.lineControlNumber;
  if (l.allowedCents !== undefined) out.allowedCents = l.allowedCents;
  return out;
}

/** A new object graph of the same shapes as `c` (claim, names, lines and their lists). */
export function constructClaim(c: Claim835): Claim835 {
  const out: Claim835 = {
    index: c.index,
    segmentNumber: c.segmentNumber,
    group: c.group,
    patientControlNumber: c.patientControlNumber,
    status: c.status,
    chargeCents: c.chargeCents,
    paidCents: c.paidCents,
    patientResponsibilityCents: c.patientResponsibilityCents,
    claimFilingIndicator: c.claimFilingIndicator,
    payerClaimControlNumber: c.payerClaimControlNumber,
    facilityTypeCode: c.facilityTypeCode,
    frequencyCode: c.frequencyCode,
    drgCode: c.drgCode,
    drgWeight: c.drgWeight,
    dischargeFraction: c.dischargeFraction,
    adjustments: each(c.adjustments, adjustment),
    names: each(c.names, name),
    references: each(c.references, reference),
    dates: each(c.dates, date),
    contacts: each(c.contacts, contact),
    amounts: each(c.amounts, amount),
    quantities: each(c.quantities, quantity),
    services: each(c.services, line),
    balance: { balanced: c.balance.balanced, imbalances: c.balance.imbalances },
  };
  // The reader keeps each name both in `names` and in the field of its role.
  for (const n of out.names) {
    switch (n.entityCode) {
      case "QC":
        out.patient = n;
        break;
      case "IL":
        out.insured = n;
        break;
      case "74":
        out.correctedPatient = n;
        break;
      case "82":
        out.renderingProvider = n;
        break;
      case "TT":
        out.crossoverCarrier = n;
        break;
      case "PR":
        out.correctedPriorityPayer = n;
        break;
      case "GB":
        out.otherSubscriber = n;
        break;
    }
  }
  if (c.inpatient !== undefined)
    out.inpatient = {
      ...c.inpatient,
      remarkCodes: c.inpatient.remarkCodes.slice(),
      elements: c.inpatient.elements.slice(),
    };
  if (c.outpatient !== undefined)
    out.outpatient = { ...c.outpatient, remarkCodes: c.outpatient.remarkCodes.slice() };
  if (c.receivedDate !== undefined) out.receivedDate = c.receivedDate;
  if (c.statementFrom !== undefined) out.statementFrom = c.statementFrom;
  if (c.statementTo !== undefined) out.statementTo = c.statementTo;
  return out;
}
