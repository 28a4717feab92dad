import type { LocalDate } from "../time/local-date";

/** Who issues a document, as printed in its header. */
export type DocumentPractice = {
  name: string;
  addressLines: string[];
  phone: string | null;
  taxId: string | null;
  npi: string | null;
};

export type DocumentClient = { id: string; name: string; addressLines: string[] };

/** One line of a bill: what was done, what it costs, and who is expected to pay it (cents). */
export type BillLine = {
  dateOfService: LocalDate | null;
  description: string;
  /** CPT/HCPCS code, or the product or fee code. */
  code: string;
  modifiers: string[];
  units: number;
  feeCents: number;
  insuranceCents: number;
  clientCents: number;
};

/** A payment applied to a bill; `date` is null when the source knows only the amount. */
export type AppliedPayment = {
  date: LocalDate | null;
  payer: "insurance" | "client";
  description: string;
  amountCents: number;
};

/** A bill (invoice) as the client reads it: its current state, payments included. */
export type BillContent = {
  practice: DocumentPractice;
  client: DocumentClient;
  invoiceNumber: string;
  invoiceDate: LocalDate;
  lines: BillLine[];
  totalCents: number;
  /** What insurance is expected to pay now (after patient responsibility an ERA moved to the client). */
  insuranceCents: number;
  /** The client's responsibility: the client portion plus what insurance moved to the client. */
  clientCents: number;
  adjustmentCents: number;
  payments: AppliedPayment[];
  /** The client's responsibility minus the client's payments; never below zero. */
  amountDueCents: number;
  void: boolean;
};

/** A rendering provider as a payer needs to identify them. */
export type SuperbillProvider = {
  name: string;
  credentials: string | null;
  npi: string;
  license: string | null;
  taxonomyCode: string;
};

export type SuperbillService = {
  dateOfService: LocalDate;
  placeOfServiceCode: string;
  code: string;
  modifiers: string[];
  description: string;
  units: number;
  feeCents: number;
  /** Pointers (1-based) into the superbill's diagnosis codes. */
  diagnosisPointers: number[];
  providerIndex: number;
};

/** Everything a payer needs to reimburse a client who files their own claim. */
export type SuperbillContent = {
  practice: DocumentPractice & { taxId: string; npi: string; taxonomyCode: string };
  providers: SuperbillProvider[];
  client: DocumentClient & {
    dateOfBirth: LocalDate;
    memberId: string | null;
    groupNumber: string | null;
    payerName: string | null;
  };
  periodFrom: LocalDate;
  periodTo: LocalDate;
  diagnoses: Array<{ code: string; description: string | null }>;
  services: SuperbillService[];
  totalFeeCents: number;
  payments: AppliedPayment[];
  paidCents: number;
};

/** Printed on every superbill: the practice attests the services were necessary and rendered as listed. */
export const MEDICAL_NECESSITY_STATEMENT =
  "Statement of medical necessity: the services listed were medically necessary for the diagnosis or " +
  "treatment of the conditions listed and were rendered by the provider named. The client has paid for these " +
  "services and requests direct reimbursement from the insurer. Please send payment to the client.";
