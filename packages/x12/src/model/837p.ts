/**
 * Plain typed model of a professional claim (005010X222A1), shared by the 837P writer and the
 * 837P reader. Money is integer cents, dates are ISO local dates ("YYYY-MM-DD").
 */

/** An element as written: a simple value, or the components of a composite. */
export type RawElement = string | readonly string[];
/** A segment as elements; `[0]` is the segment id. */
export type RawSegment = readonly RawElement[];

/**
 * A segment the typed model does not cover, kept by the 837P reader so that writing the model back
 * reproduces the file. `position` is its 0-based index among the segments of the same model object
 * (HL segments excluded), so it is re-inserted where it was.
 */
export type ExtraSegment = { position: number; segment: RawSegment };

/**
 * The original text of a modeled segment whose rendering from the model differs (e.g. `100.00`
 * versus `100`, or elements the model does not carry). `rendered` is the model rendering at read
 * time: the writer uses `segment` only while the model still renders to exactly that, so any edit
 * of the model wins over the preserved text.
 */
export type VerbatimSegment = { rendered: string; segment: RawSegment };

/** Lossless round-trip data, filled by the 837P reader; leave it out when building claims. */
export type Preserved = { extras?: ExtraSegment[]; verbatim?: VerbatimSegment[] };

/** NM102: `1` person, `2` non-person entity. */
export type EntityType = "1" | "2";

/** NM1 name and identifier. */
export type PartyName = {
  entityType: EntityType;
  /** Last name, or the organization name when `entityType` is `"2"`. */
  lastName: string;
  firstName?: string;
  middleName?: string;
  prefix?: string;
  suffix?: string;
  /** NM108: `XX` NPI, `MI` member id, `PI` payer id, `46` ETIN, … */
  idQualifier?: string;
  id?: string;
};

/** N3/N4 address. Billing provider addresses need a 9-digit ZIP and must not be a P.O. box. */
export type Address = {
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode?: string;
  countryCode?: string;
  countrySubdivision?: string;
};

/** PER contact: name and up to three numbers (TE phone, EX extension, EM e-mail, FX fax). */
export type Contact = {
  name?: string;
  numbers: Array<{ qualifier: string; value: string }>;
};

/** REF qualifier and value. */
export type Reference = { qualifier: string; value: string };

/** DMG birth date and administrative gender. */
export type Demographics = { birthDate: string; gender: "F" | "M" | "U" };

/** Loop 2000A/2010AA (and 2010AB pay-to address). */
export type BillingProvider = Preserved & {
  /** NM1*85; NPI as `idQualifier: "XX"`, `id`. */
  name: PartyName;
  /** Physical street address (no P.O. box), 9-digit ZIP. */
  address: Address;
  /** REF*EI employer id or REF*SY social security number. */
  taxId: Reference;
  /** PRV*BI*PXC provider taxonomy code. */
  taxonomy?: string;
  /** At most two PER contacts. */
  contacts?: Contact[];
  /** REF*0B state license / REF*1G UPIN. */
  secondaryIds?: Reference[];
  /** Loop 2010AB: where payments go, when not the billing address (e.g. a P.O. box). */
  payTo?: { entityType: EntityType; address: Address };
};

/** SBR09 claim filing indicator codes. */
export type ClaimFilingIndicator =
  | "11"
  | "12"
  | "13"
  | "14"
  | "15"
  | "16"
  | "17"
  | "AM"
  | "BL"
  | "CH"
  | "CI"
  | "DS"
  | "FI"
  | "HM"
  | "LM"
  | "MA"
  | "MB"
  | "MC"
  | "OF"
  | "TV"
  | "VA"
  | "WC"
  | "ZZ";

/** SBR01 payer responsibility sequence: primary, secondary, tertiary, payer 4-11 (A-H), unknown. */
export type PayerResponsibility = "P" | "S" | "T" | "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "U";

/** Loop 2000B/2010BA. */
export type Subscriber = Preserved & {
  payerResponsibility: PayerResponsibility;
  groupNumber?: string;
  groupName?: string;
  /** SBR05 insurance type (Medicare secondary payer type, e.g. `12`). */
  insuranceTypeCode?: string;
  claimFilingIndicator: ClaimFilingIndicator;
  /** NM1*IL; member id as `idQualifier: "MI"`, `id`. */
  name: PartyName;
  address?: Address;
  demographics?: Demographics;
  secondaryIds?: Reference[];
};

/** Loop 2010BB. */
export type Payer = Preserved & {
  /** NM1*PR; payer id as `idQualifier: "PI"` (or `XV`), `id`. */
  name: PartyName;
  address?: Address;
  /** REF*2U/EI/FY/NF payer ids and REF*G2/LU billing provider ids at this payer. */
  secondaryIds?: Reference[];
};

/** PAT01 individual relationship code of the patient to the subscriber. */
export type PatientRelationship = "01" | "19" | "20" | "21" | "39" | "40" | "53" | "G8";

/** Loop 2000C/2010CA: only when the patient is not the subscriber. */
export type Patient = Preserved & {
  relationship: PatientRelationship;
  /** NM1*QC (no identifier in 5010). */
  name: PartyName;
  address: Address;
  demographics: Demographics;
  secondaryIds?: Reference[];
};

/** A provider loop: referring (2310A), rendering (2310B, 2420A). */
export type ProviderParty = {
  name: PartyName;
  /** PRV*PE*PXC taxonomy (rendering provider). */
  taxonomy?: string;
  secondaryIds?: Reference[];
};

/** Loop 2310C service facility location. */
export type ServiceFacility = {
  name: PartyName;
  address: Address;
  secondaryIds?: Reference[];
};

/** A DTP date in loop 2300, e.g. `{ qualifier: "431", from: "2026-01-02" }` (onset). */
export type ClaimDate = { qualifier: string; from: string; to?: string };

/** NTE note: reference code (`ADD`, `CER`, `DCP`, `DGN`, `TPO`) and text. */
export type Note = { reference: string; text: string };

/** CLM05-3: `1` original, `7` replacement, `8` void/cancel of a prior claim. */
export type ClaimFrequency = "1" | "7" | "8";

/** Loop 2400: one service line. */
export type ServiceLine837P = Preserved & {
  /** SV101: qualifier (default `HC`), procedure code, up to four modifiers, description. */
  procedure: { qualifier?: string; code: string; modifiers?: string[]; description?: string };
  chargeCents: number;
  /** SV103: `UN` units (default) or `MJ` minutes (anesthesia). */
  unit?: string;
  /** SV104 service unit count. */
  quantity: number;
  /** SV105, only when it differs from the claim's place of service. */
  placeOfService?: string;
  /** SV107: 1-based pointers into the claim's diagnosis codes, at most four. */
  diagnosisPointers: number[];
  /** SV109 emergency indicator. */
  emergency?: boolean;
  /** SV111 EPSDT indicator. */
  epsdt?: boolean;
  /** SV112 family planning indicator. */
  familyPlanning?: boolean;
  /** DTP*472 date (D8) or range (RD8). */
  serviceDate: { from: string; to?: string };
  /** REF*6R line item control number, echoed on the 835. */
  lineControlNumber?: string;
  note?: Note;
  /** Loop 2420A, when the line's rendering provider differs from the claim's. */
  renderingProvider?: ProviderParty;
};

/** Loop 2300 with its context (billing provider, subscriber, payer, patient). */
export type Claim837P = Preserved & {
  billingProvider: BillingProvider;
  subscriber: Subscriber;
  payer: Payer;
  /** Omit when the patient is the subscriber (then SBR02 is `18` and there is no 2000C). */
  patient?: Patient;
  /** CLM01, at most 20 characters; echoed as CLP01 on the 835. */
  patientControlNumber: string;
  /** CLM02; defaults to the sum of the line charges, and must equal it when given. */
  totalChargeCents?: number;
  /** CLM05-1 place of service code, e.g. `11` office. */
  placeOfService: string;
  frequencyCode: ClaimFrequency;
  /** CLM06 provider signature on file, default `Y`. */
  providerSignature?: "Y" | "N";
  /** CLM07 assignment/plan participation, default `A`. */
  assignment?: "A" | "B" | "C";
  /** CLM08 benefits assignment certification, default `Y`. */
  benefitsAssignment?: "Y" | "N" | "W";
  /** CLM09 release of information, default `Y`. */
  releaseOfInformation?: "I" | "Y";
  /** CLM10 patient signature source (`P`). */
  patientSignatureSource?: string;
  /** CLM11 related causes (AA auto accident, EM employment, OA other accident), with state/country. */
  relatedCauses?: { codes: string[]; state?: string; country?: string };
  /** CLM12 special program code. */
  specialProgram?: string;
  /** CLM20 delay reason code. */
  delayReason?: string;
  dates?: ClaimDate[];
  /** AMT*F5 patient amount paid, cents. */
  patientPaidCents?: number;
  /** REF*F8 payer claim control number of the claim being replaced or voided (frequency 7/8). */
  payerClaimControlNumber?: string;
  /** REF*G1 prior authorization. */
  priorAuthorization?: string;
  /** REF*9F referral number. */
  referralNumber?: string;
  /** REF*D9 clearinghouse trace number. */
  clearinghouseTraceNumber?: string;
  /** REF*EA medical record number. */
  medicalRecordNumber?: string;
  note?: Note;
  /** HI code set: ICD-10-CM (`ABK`/`ABF`, default) or ICD-9-CM (`BK`/`BF`, legacy files). */
  diagnosisCodeSet?: "ICD10" | "ICD9";
  /** Diagnosis codes without the decimal point, principal first; at most 12. */
  diagnosisCodes: string[];
  referringProvider?: ProviderParty;
  /** Loop 2310B; the writer leaves it out when it is the billing provider. */
  renderingProvider?: ProviderParty;
  serviceFacility?: ServiceFacility;
  lines: ServiceLine837P[];
};

/** ISA values of the interchange to write. */
export type InterchangeInfo = {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** `P` production or `T` test. */
  usage: "P" | "T";
  /** ISA09 as ISO date; defaults to today. */
  date?: string;
  /** ISA10 HHMM; defaults to now. */
  time?: string;
  acknowledgmentRequested?: boolean;
  authorizationQualifier?: string;
  authorizationInfo?: string;
  securityQualifier?: string;
  securityInfo?: string;
};

/** GS values of the functional group to write. */
export type GroupInfo = {
  senderCode: string;
  receiverCode: string;
  /** GS04 as ISO date; defaults to the interchange date. */
  date?: string;
  /** GS05 HHMM[SS]; defaults to the interchange time. */
  time?: string;
  /** GS08; default `005010X222A1`. */
  version?: string;
};

/** BHT, submitter (1000A) and receiver (1000B) of one transaction set. */
export type TransactionHeader837P = Preserved & {
  /** BHT02: `00` original, `18` reissue. Default `00`. */
  purpose?: "00" | "18";
  /** BHT03 originator application transaction id (batch id). */
  referenceId: string;
  /** BHT04 creation date, ISO. */
  date: string;
  /** BHT05 creation time, HHMM[SS]. */
  time: string;
  /** BHT06: `CH` chargeable (claims, default) or `RP` reporting (encounters). */
  claimType?: "CH" | "RP";
  /** NM1*41 and one or two PER contacts (the guide requires one). */
  submitter: { name: PartyName; contacts: Contact[] };
  receiver: { name: PartyName };
  /** ST03; defaults to the group version. */
  implementationReference?: string;
};

/** One transaction set: header and claims (at least one; the writer refuses an empty list). */
export type Transaction837P = { header: TransactionHeader837P; claims: Claim837P[] };

/** What the writer writes and the reader returns: one interchange with one functional group. */
export type Batch837P = {
  interchange: InterchangeInfo;
  group: GroupInfo;
  /** At least one transaction set. */
  transactions: Transaction837P[];
};
