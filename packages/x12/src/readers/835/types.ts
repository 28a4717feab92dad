import type { CodeText } from "../../codes/table.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { X12Error } from "../../errors.js";
import type { WarningEvent } from "../../stream/run.js";

/** A qualified reference (REF). */
export type Reference835 = { qualifier: string; value: string };
/** A qualified date (DTM), as an ISO date. */
export type Date835 = { qualifier: string; date: string };
/** A qualified monetary amount (AMT), in integer cents. */
export type Amount835 = { qualifier: string; cents: number };
/** A qualified quantity (QTY). */
export type Quantity835 = { qualifier: string; quantity: number };

/** A postal address from N3/N4 (payer, payee). */
export type Address835 = {
  lines: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  countryCode?: string;
};

/** PER: a contact function code, an optional name, and communication numbers. */
export type Contact835 = {
  functionCode: string;
  name?: string;
  numbers: Array<{ qualifier: string; value: string }>;
};

/** Payer (N1*PR, loop 1000A) or payee (N1*PE, loop 1000B). */
export type Party835 = {
  entityCode: string;
  name: string;
  idQualifier?: string;
  id?: string;
  address?: Address835;
  references: Reference835[];
  contacts: Contact835[];
};

/** NM1 in loop 2100 (patient QC, insured IL, corrected 74, rendering 82, crossover TT, priority payer PR, other GB). */
export type Name835 = {
  entityCode: string;
  entityType: string;
  lastName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  idQualifier?: string;
  id?: string;
};

/** BPR/DFI routing of one side of an electronic payment. */
export type BankAccount835 = {
  dfiQualifier: string;
  dfiId: string;
  accountQualifier?: string;
  accountNumber?: string;
};

/** BPR financial information. */
export type Payment835 = {
  /** BPR01 with its text, e.g. `I` "Remittance Information Only". */
  handling: CodeText;
  /** BPR02 total actual provider payment, cents (non-negative as sent). */
  amountCents: number;
  /** BPR03 `C` credit or `D` debit. */
  creditDebit: string;
  /** BPR04 payment method (ACH, CHK, BOP, FWT, NON) with its text. */
  method: CodeText;
  /** BPR05 payment format (e.g. CCP, CTX). */
  format?: string;
  sender?: BankAccount835;
  receiver?: BankAccount835;
  /** BPR10 payer identifier. */
  originatingCompanyId?: string;
  /** BPR16 check issue or EFT effective date. */
  date?: string;
};

/** TRN reassociation trace: TRN02 is the check or EFT trace number. */
export type Trace835 = {
  typeCode: string;
  referenceId: string;
  originatorId?: string;
  supplementalId?: string;
};

/** Everything before the first claim: envelopes, payment, trace, payer and payee. */
export type RemittanceHeader835 = {
  context: TransactionContext;
  payment: Payment835;
  trace: Trace835;
  /** CUR02 currency code when present. */
  currency?: string;
  /** REF*EV receiver identification. */
  receiverId?: string;
  /** REF*F2 version identification. */
  versionId?: string;
  /** DTM*405 production date. */
  productionDate?: string;
  references: Reference835[];
  payer: Party835;
  payee: Party835;
};

/** One CAS triplet: group code, reason, amount and optional quantity. */
export type Adjustment835 = {
  /** CAS01 group code: CO, OA, PI or PR. */
  group: string;
  /** CARC reason code. */
  reasonCode: string;
  /** Adjustment amount in cents; negative amounts increase the payment. */
  amountCents: number;
  quantity?: number;
};

/** A composite procedure (SVC01 / SVC06): qualifier, code, up to four modifiers, description. */
export type Procedure835 = {
  qualifier: string;
  code: string;
  modifiers: readonly string[];
  description?: string;
};

/** A remittance advice remark code (LQ, MIA, MOA). */
export type Remark835 = { qualifier: string; code: string };

/** One service line (loop 2110). */
export type ServiceLine835 = {
  /** SVC01 adjudicated procedure. */
  procedure: Procedure835;
  /** SVC02 line item charge, cents. */
  chargeCents: number;
  /** SVC03 line item provider payment, cents. */
  paidCents: number;
  /** SVC04 NUBC revenue code. */
  revenueCode?: string;
  /** SVC05 units of service paid; the guide says one when absent. */
  unitsPaid: number;
  /** SVC06 submitted procedure when the payer adjudicated a different one. */
  originalProcedure?: Procedure835;
  /** SVC07 original units of service. */
  originalUnits?: number;
  /** DTM*472 single service date. */
  serviceDate?: string;
  /** DTM*150 service period start. */
  serviceFrom?: string;
  /** DTM*151 service period end. */
  serviceTo?: string;
  dates: readonly Date835[];
  adjustments: readonly Adjustment835[];
  /** REF*6R line item control number, as sent on the 837 line. */
  lineControlNumber?: string;
  references: readonly Reference835[];
  amounts: readonly Amount835[];
  /** AMT*B6 allowed amount, cents. */
  allowedCents?: number;
  quantities: readonly Quantity835[];
  /** LQ remark codes (HE = RARC, RX = NCPDP reject reason). */
  remarks: readonly Remark835[];
};

/** MIA inpatient adjudication (subset) with its remark codes. */
export type InpatientAdjudication835 = {
  coveredDaysOrVisits?: number;
  remarkCodes: string[];
  elements: string[];
};

/** MOA outpatient adjudication. */
export type OutpatientAdjudication835 = {
  reimbursementRate?: number;
  hcpcsPayableCents?: number;
  remarkCodes: string[];
  esrdPaymentCents?: number;
  nonpayableProfessionalComponentCents?: number;
};

/** LX/TS3 header number and provider summary preceding a group of claims. */
export type ClaimGroupHeader835 = {
  number: string;
  providerId?: string;
  facilityTypeCode?: string;
  fiscalPeriodDate?: string;
  totalClaimCount?: number;
  totalChargeCents?: number;
};

/** Where an imbalance was found. */
export type BalanceLevel = "line" | "claim" | "transaction";

/** One failed balancing equation; amounts in cents. */
export type Imbalance = {
  level: BalanceLevel;
  /** Patient control number (CLP01) for line and claim levels. */
  patientControlNumber?: string;
  /** 0-based index of the claim in the transaction. */
  claimIndex?: number;
  /** 1-based service line number inside the claim. */
  lineNumber?: number;
  /** Segment number of the CLP, SVC or BPR that does not balance. */
  segmentNumber?: number;
  /** The amount as sent (SVC03, CLP04 or BPR02). */
  reportedCents: number;
  /** The amount the equation yields. */
  computedCents: number;
  /** reported − computed. */
  differenceCents: number;
  message: string;
};

/** The outcome of a balance check: `balanced` when `imbalances` is empty, each one named. */
export type BalanceResult = { balanced: boolean; imbalances: readonly Imbalance[] };

/** One claim payment (loop 2100) with its service lines. */
export type Claim835 = {
  /** 0-based position of the claim in its transaction set. */
  index: number;
  /** Segment number of the CLP, for tracing back to the file. */
  segmentNumber: number;
  /** LX/TS3 group the claim belongs to, when the payer sent one. */
  group?: ClaimGroupHeader835;
  /** CLP01, the provider's patient control number from the 837 CLM01. */
  patientControlNumber: string;
  /** CLP02 with its text, e.g. `1` "Processed as Primary", `22` "Reversal of Previous Payment". */
  status: CodeText;
  /** CLP03 total claim charge, cents. */
  chargeCents: number;
  /** CLP04 claim payment, cents. */
  paidCents: number;
  /** CLP05 patient responsibility, cents. */
  patientResponsibilityCents?: number;
  /** CLP06 claim filing indicator (MB, MC, CI, …). */
  claimFilingIndicator?: string;
  /** CLP07 payer claim control number (ICN/DCN). */
  payerClaimControlNumber?: string;
  /** CLP08 facility type (place of service for professional claims). */
  facilityTypeCode?: string;
  /** CLP09 claim frequency type code. */
  frequencyCode?: string;
  drgCode?: string;
  drgWeight?: number;
  dischargeFraction?: number;
  /** Claim-level CAS. */
  adjustments: readonly Adjustment835[];
  patient?: Name835;
  insured?: Name835;
  correctedPatient?: Name835;
  renderingProvider?: Name835;
  /** NM1*TT crossover carrier: the payer the claim was forwarded to. */
  crossoverCarrier?: Name835;
  correctedPriorityPayer?: Name835;
  otherSubscriber?: Name835;
  names: readonly Name835[];
  inpatient?: InpatientAdjudication835;
  outpatient?: OutpatientAdjudication835;
  references: readonly Reference835[];
  dates: readonly Date835[];
  statementFrom?: string;
  statementTo?: string;
  receivedDate?: string;
  contacts: readonly Contact835[];
  amounts: readonly Amount835[];
  quantities: readonly Quantity835[];
  services: readonly ServiceLine835[];
  /** Line- and claim-level balancing of this claim. */
  balance: BalanceResult;
};

/** One PLB adjustment: reason code (with text), reference id and amount. */
export type ProviderAdjustmentItem835 = {
  reason: CodeText;
  referenceId?: string;
  /** Positive amounts reduce the payment, negative amounts increase it. */
  amountCents: number;
};

/** PLB provider-level adjustment segment. */
export type ProviderAdjustment835 = {
  segmentNumber: number;
  providerId: string;
  fiscalPeriodDate: string;
  items: ProviderAdjustmentItem835[];
};

/** Totals and transaction balancing, computed while streaming (constant memory). */
export type RemittanceSummary835 = {
  claimCount: number;
  totalChargeCents: number;
  totalPaidCents: number;
  providerAdjustments: ProviderAdjustment835[];
  providerAdjustmentTotalCents: number;
  /** Number of claims with at least one line or claim imbalance. */
  claimsOutOfBalance: number;
  /** Transaction-level balancing: ΣCLP04 − ΣPLB = BPR02. */
  balance: BalanceResult;
};

/** Events of {@link read835}, in file order. */
export type Event835 =
  | { type: "remittance"; remittance: RemittanceHeader835 }
  | { type: "claim"; claim: Claim835; remittance: RemittanceHeader835 }
  | { type: "remittanceEnd"; remittance: RemittanceHeader835; summary: RemittanceSummary835 }
  | WarningEvent;

/** One whole transaction set, as collected by {@link parse835} / {@link read835All}. */
export type Remittance835 = RemittanceHeader835 & {
  claims: Claim835[];
  summary: RemittanceSummary835;
  /** Every imbalance: lines, claims and the transaction. */
  balance: BalanceResult;
  warnings: X12Error[];
};
