import type { CodeText } from "../../codes/table.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { X12Error } from "../../errors.js";
import type { DateRange } from "../../values/dates.js";

/** NM1 of a 277CA level. */
export type Name277 = {
  entityCode: string;
  entityType: string;
  lastName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  idQualifier?: string;
  id?: string;
};

/** One STC01/STC10/STC11 composite: category, status and entity codes with their texts. */
export type StatusCode277 = {
  /** e.g. `A7` "Acknowledgement/Rejected for Invalid Information …". */
  category: CodeText;
  /** e.g. `562` "Entity's National Provider Identifier (NPI).". */
  status: CodeText;
  /** e.g. `85` "Billing Provider". */
  entity?: CodeText;
  codeListQualifier?: string;
};

/** How a status category reads for the claim: accepted, rejected, … */
export type Disposition277 =
  | "accepted"
  | "rejected"
  | "notFound"
  | "pending"
  | "finalized"
  | "requestForInformation"
  | "error"
  | "unknown";

/** STC segment. */
export type Status277 = {
  codes: StatusCode277[];
  /** STC02 status information effective date. */
  date?: string;
  /** STC03 action code: WQ accept, U reject. */
  actionCode?: string;
  /** STC04 total claim (or line) charge amount, cents. */
  chargeCents?: number;
  /** STC12 free-form message. */
  message?: string;
  disposition: Disposition277;
};

/** A REF: its qualifier (e.g. `1K` payer claim number) and value. */
export type Reference277 = { qualifier: string; value: string };

/** Counters and totals of the receiver (2200B) and provider (2200C) levels. */
export type Totals277 = {
  acceptedQuantity?: number;
  rejectedQuantity?: number;
  acceptedAmountCents?: number;
  rejectedAmountCents?: number;
};

/** 2220D service line status. */
export type LineStatus277 = {
  procedure: { qualifier: string; code: string; modifiers: string[] };
  chargeCents: number;
  paidCents?: number;
  revenueCode?: string;
  units?: number;
  statuses: Status277[];
  /** REF*FJ line item control number (the 837 REF*6R). */
  lineControlNumber?: string;
  serviceDate?: DateRange;
};

/** 2000D/2200D: the status of one claim. */
export type ClaimStatus277 = {
  /** HL01 of the patient level. */
  hierarchicalId: string;
  /** NM1*85 of the billing provider level above (HL 19). */
  provider?: Name277;
  patient?: Name277;
  /** TRN02 claim status tracking number: the 837 CLM01 patient control number. */
  patientControlNumber?: string;
  statuses: Status277[];
  /** Worst disposition over all statuses (rejected beats accepted). */
  disposition: Disposition277;
  /** REF*1K payer claim control number. */
  payerClaimControlNumber?: string;
  /** REF*D9 clearinghouse trace number. */
  clearinghouseTraceNumber?: string;
  /** REF*BLT institutional bill type. */
  billType?: string;
  references: Reference277[];
  /** DTP*472 claim service date(s). */
  serviceDate?: DateRange;
  lines: LineStatus277[];
};

/** 2000C: billing provider of service. */
export type Provider277 = Totals277 & {
  hierarchicalId: string;
  name?: Name277;
  /** TRN02 provider of service information trace identifier. */
  traceId?: string;
  statuses: Status277[];
  references: Reference277[];
  claims: ClaimStatus277[];
};

/** 2000B: information receiver (the submitter of the 837). File-level status lives here. */
export type Receiver277 = Totals277 & {
  hierarchicalId: string;
  name?: Name277;
  /** TRN02 claim transaction batch number (the 837 BHT03). */
  traceId?: string;
  statuses: Status277[];
  providers: Provider277[];
};

/** 2000A: information source (payer or clearinghouse). */
export type Source277 = {
  hierarchicalId: string;
  name?: Name277;
  /** TRN02 transmission receipt control identifier. */
  transmissionReceiptId?: string;
  /** DTP*050 received date. */
  receivedDate?: string;
  /** DTP*009 process date. */
  processDate?: string;
  receivers: Receiver277[];
};

/** One 277CA transaction set. `claims` lists every claim of the tree, in file order. */
export type ClaimAcknowledgment277 = {
  context: TransactionContext;
  header: {
    purposeCode: string;
    referenceId: string;
    date: string;
    time?: string;
    transactionTypeCode: string;
  };
  sources: Source277[];
  claims: ClaimStatus277[];
  warnings: X12Error[];
};
