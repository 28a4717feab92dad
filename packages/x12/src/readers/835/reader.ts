import {
  CLAIM_PAYMENT_STATUS_CODES,
  PAYMENT_METHOD_CODES,
  PROVIDER_ADJUSTMENT_REASON_CODES,
  TRANSACTION_HANDLING_CODES,
} from "../../codes/remittance.js";
import { codeText } from "../../codes/table.js";
import { elementRef } from "../../element-ref.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { TransactionHandler } from "../../envelope/validator.js";
import { X12Error } from "../../errors.js";
import type { Segment, SegmentFields, SegmentView } from "../../tokenizer/segment.js";
import { segmentIdKey } from "../../tokenizer/segment-id.js";
import type { FieldReader } from "../fields.js";
import { balanceClaim, balanceTransaction } from "./balance.js";
import type {
  Adjustment835,
  BalanceResult,
  BankAccount835,
  Claim835,
  ClaimGroupHeader835,
  Contact835,
  Event835,
  Name835,
  Party835,
  Payment835,
  Procedure835,
  ProviderAdjustment835,
  RemittanceHeader835,
  ServiceLine835,
  Trace835,
} from "./types.js";

// Labels built once, not per segment (they only matter when an error is reported).
const CAS_AMOUNT: string[] = [];
const CAS_QUANTITY: string[] = [];
for (let at = 2; at <= 17; at += 3) {
  CAS_AMOUNT[at] = `${elementRef("CAS", at + 1)} adjustment amount`;
  CAS_QUANTITY[at] = `${elementRef("CAS", at + 2)} adjustment quantity`;
}

/** Shared empty list: most claims have no contacts, quantities, remarks…; lists are made on first add. */
const NONE: readonly never[] = Object.freeze([]);

function add<T>(list: readonly T[], item: T): T[] {
  if (list === NONE) return [item];
  (list as T[]).push(item);
  return list as T[];
}

const BALANCED: BalanceResult = Object.freeze({ balanced: true, imbalances: NONE });

type State = "header" | "payer" | "payee" | "group" | "claim" | "service" | "trailer";

function emptyParty(entityCode: string): Party835 {
  return { entityCode, name: "", references: [], contacts: [] };
}

/**
 * The last element position of each 835 segment (005010X221A1). Content after it is reported rather than dropped
 * unread: a seventh CAS triplet or PLB adjustment would otherwise vanish from the money.
 */
const MAX_ELEMENTS = new Map<number, number>([
  [0x425052, 21], // BPR
  [0x54524e, 4], // TRN
  [0x435552, 21], // CUR
  [0x4e31, 6], // N1
  [0x4e33, 2], // N3
  [0x4e34, 7], // N4
  [0x504552, 9], // PER
  [0x524546, 4], // REF
  [0x44544d, 6], // DTM
  [0x4c58, 1], // LX
  [0x434c50, 14], // CLP
  [0x434153, 19], // CAS
  [0x4e4d31, 12], // NM1
  [0x4d4941, 24], // MIA
  [0x4d4f41, 9], // MOA
  [0x414d54, 3], // AMT
  [0x515459, 4], // QTY
  [0x535643, 7], // SVC
  [0x4c51, 2], // LQ
  [0x504c42, 14], // PLB
  [0x52444d, 5], // RDM
]);

/**
 * Loop-aware 835 (005010X221A1) state machine. It receives the segments of one transaction set at
 * a time from the envelope validator and queues typed events: the remittance header once, one
 * event per finished claim, and a summary with the transaction balance at SE. Only the claim being
 * read is held in memory.
 */
export class Reader835 implements TransactionHandler {
  private state: State = "header";
  private context: TransactionContext | undefined;
  private payment: Payment835 | undefined;
  private bprSegment: number | undefined;
  private trace: Trace835 | undefined;
  private header: RemittanceHeader835 | undefined;
  private headerEmitted = false;
  private currency: string | undefined;
  private receiverId: string | undefined;
  private versionId: string | undefined;
  private productionDate: string | undefined;
  private references: Array<{ qualifier: string; value: string }> = [];
  private payer: Party835 | undefined;
  private payee: Party835 | undefined;
  private group: ClaimGroupHeader835 | undefined;
  private claim: Claim835 | undefined;
  private line: ServiceLine835 | undefined;
  private claimIndex = 0;
  private totalCharge = 0;
  private totalPaid = 0;
  private claimsOutOfBalance = 0;
  private plb: ProviderAdjustment835[] = [];
  private plbTotal = 0;

  constructor(
    private readonly f: FieldReader,
    private readonly emit: (event: Event835) => void,
    private readonly versions: readonly string[] | "any" = ["005010X221A1", "005010X221"],
  ) {
    // Totals of a large remittance outgrow V8's small integers (2^30 cents). Storing a fraction
    // once makes these fields doubles from the start, instead of a mid-file change of the object's
    // shape that deoptimizes every handler.
    this.totalCharge = 0.5;
    this.totalPaid = 0.5;
    this.plbTotal = 0.5;
  }

  begin(context: TransactionContext, st: Segment): void {
    if (context.transaction.id !== "835") {
      throw new X12Error("UNSUPPORTED_TRANSACTION", "the 835 reader was given another transaction set", {
        segmentNumber: st.number,
        segmentId: "ST",
        elementPosition: 1,
        byteOffset: st.offset,
        expected: "835",
        found: context.transaction.id,
      });
    }
    const version = context.transaction.implementationReference ?? context.group?.version;
    const versions = this.versions;
    if (version !== undefined && versions !== "any" && !versions.includes(version)) {
      throw new X12Error("UNSUPPORTED_VERSION", "the 835 reader reads 005010X221A1 remittances", {
        segmentNumber: st.number,
        segmentId: context.transaction.implementationReference !== undefined ? "ST" : "GS",
        elementPosition: context.transaction.implementationReference !== undefined ? 3 : 8,
        byteOffset: st.offset,
        expected: versions.join(" or "),
        found: version,
      });
    }
    this.context = context;
    this.state = "header";
    this.payment = undefined;
    this.bprSegment = undefined;
    this.trace = undefined;
    this.header = undefined;
    this.headerEmitted = false;
    this.currency = undefined;
    this.receiverId = undefined;
    this.versionId = undefined;
    this.productionDate = undefined;
    this.references = [];
    this.payer = undefined;
    this.payee = undefined;
    this.group = undefined;
    this.claim = undefined;
    this.line = undefined;
    this.claimIndex = 0;
    this.totalCharge = 0;
    this.totalPaid = 0;
    this.claimsOutOfBalance = 0;
    this.plb = [];
    this.plbTotal = 0;
    this.f.loop = "HEADER";
  }

  private unexpected(seg: SegmentFields, expected: string): void {
    this.f.report(
      this.f.error("UNEXPECTED_SEGMENT", seg, `${seg.id} is not allowed here in an 835`, {
        expected,
        found: seg.id,
      }),
    );
  }

  private missing(seg: SegmentFields, what: string): X12Error {
    return this.f.error("MISSING_SEGMENT", seg, `${what} is required before ${seg.id}`, {
      expected: what,
      found: seg.id,
    });
  }

  segment(seg: Segment): void {
    this.dispatch(seg, segmentIdKey(seg.id, 0, seg.id.length, -1));
  }

  /** The fast path: segments as transient views (nothing here keeps a segment). */
  view(seg: SegmentView): void {
    this.dispatch(seg, seg.key);
  }

  private dispatch(seg: SegmentFields, key: number): void {
    this.route(seg, key);
    // After the segment's own checks, which name the more specific problem (e.g. a shifted SVC).
    const max = MAX_ELEMENTS.get(key);
    if (max !== undefined && seg.length > max) this.f.maxElements(seg, max);
  }

  private route(seg: SegmentFields, key: number): void {
    // The id's characters as a number (see SegmentView.key): an integer switch.
    switch (key) {
      case 0x434c50: {
        // CLP
        this.onClp(seg);
        return;
      }
      case 0x434153: {
        // CAS
        this.onCas(seg);
        return;
      }
      case 0x535643: {
        // SVC
        this.onSvc(seg);
        return;
      }
      case 0x44544d: {
        // DTM
        this.onDtm(seg);
        return;
      }
      case 0x524546: {
        // REF
        this.onRef(seg);
        return;
      }
      case 0x414d54: {
        // AMT
        this.onAmt(seg);
        return;
      }
      case 0x4e4d31: {
        // NM1
        this.onNm1(seg);
        return;
      }
      case 0x4c51: {
        // LQ
        this.onLq(seg);
        return;
      }
      case 0x515459: {
        // QTY
        this.onQty(seg);
        return;
      }
      case 0x4c58: {
        // LX
        this.onLx(seg);
        return;
      }
      case 0x545333: {
        // TS3
        this.onTs3(seg);
        return;
      }
      case 0x545332: // TS2
        if (this.state !== "group") this.unexpected(seg, "TS2 right after LX/TS3");
        return;
      case 0x4d4941: {
        // MIA
        this.onMia(seg);
        return;
      }
      case 0x4d4f41: {
        // MOA
        this.onMoa(seg);
        return;
      }
      case 0x504552: {
        // PER
        this.onPer(seg);
        return;
      }
      case 0x4e31: {
        // N1
        this.onN1(seg);
        return;
      }
      case 0x4e33: {
        // N3
        this.onN3(seg);
        return;
      }
      case 0x4e34: {
        // N4
        this.onN4(seg);
        return;
      }
      case 0x52444d: // RDM
        if (this.state !== "payee") this.unexpected(seg, "RDM in loop 1000B");
        return;
      case 0x504c42: {
        // PLB
        this.onPlb(seg);
        return;
      }
      case 0x425052: {
        // BPR
        this.onBpr(seg);
        return;
      }
      case 0x54524e: {
        // TRN
        this.onTrn(seg);
        return;
      }
      case 0x435552: // CUR
        if (this.state !== "header" || this.trace === undefined) this.unexpected(seg, "CUR after TRN");
        else this.currency = seg.element(2) || undefined;
        return;
      default:
        this.unexpected(seg, "a segment of the 005010X221A1 835");
    }
  }

  private onBpr(seg: SegmentFields): void {
    if (this.state !== "header" || this.payment !== undefined) {
      this.unexpected(seg, "BPR right after ST");
      return;
    }
    const f = this.f;
    const account = (at: number): BankAccount835 | undefined => {
      const dfiQualifier = seg.element(at);
      if (dfiQualifier === "") return undefined;
      return {
        dfiQualifier,
        dfiId: seg.element(at + 1),
        accountQualifier: f.opt(seg, at + 2),
        accountNumber: f.opt(seg, at + 3),
      };
    };
    this.bprSegment = seg.number;
    this.payment = {
      handling: codeText(TRANSACTION_HANDLING_CODES, f.req(seg, 1, "BPR01 transaction handling code")),
      amountCents: f.cents(seg, 2, "BPR02 total actual provider payment amount"),
      creditDebit: f.req(seg, 3, "BPR03 credit/debit flag code"),
      method: codeText(PAYMENT_METHOD_CODES, f.req(seg, 4, "BPR04 payment method code")),
      format: f.opt(seg, 5),
      sender: account(6),
      originatingCompanyId: f.opt(seg, 10),
      receiver: account(12),
      date: f.optDate(seg, 16, "BPR16 check issue or EFT effective date"),
    };
  }

  private onTrn(seg: SegmentFields): void {
    if (this.state !== "header" || this.trace !== undefined) {
      this.unexpected(seg, "TRN after BPR");
      return;
    }
    if (this.payment === undefined) this.f.report(this.missing(seg, "BPR"));
    const f = this.f;
    this.trace = {
      typeCode: f.req(seg, 1, "TRN01 trace type code"),
      referenceId: f.req(seg, 2, "TRN02 check or EFT trace number"),
      originatorId: f.opt(seg, 3),
      supplementalId: f.opt(seg, 4),
    };
  }

  private onN1(seg: SegmentFields): void {
    const code = seg.element(1);
    const party: Party835 = {
      entityCode: code,
      name: this.f.req(seg, 2, "N102 name"),
      idQualifier: this.f.opt(seg, 3),
      id: this.f.opt(seg, 4),
      references: [],
      contacts: [],
    };
    if (code === "PR" && this.state === "header") {
      if (this.trace === undefined) this.f.report(this.missing(seg, "TRN"));
      this.payer = party;
      this.state = "payer";
      this.f.loop = "1000A";
      return;
    }
    if (code === "PE" && this.state === "payer") {
      this.payee = party;
      this.state = "payee";
      this.f.loop = "1000B";
      return;
    }
    if (code === "PE" && this.state === "header") {
      this.f.report(this.missing(seg, "N1*PR payer identification (loop 1000A)"));
      this.payer = emptyParty("PR");
      this.payee = party;
      this.state = "payee";
      return;
    }
    this.unexpected(seg, this.state === "header" ? "N1*PR" : this.state === "payer" ? "N1*PE" : "no N1 here");
  }

  private party(): Party835 | undefined {
    return this.state === "payer" ? this.payer : this.state === "payee" ? this.payee : undefined;
  }

  private onN3(seg: SegmentFields): void {
    const party = this.party();
    if (party === undefined) {
      this.unexpected(seg, "N3 in loop 1000A or 1000B");
      return;
    }
    const lines = [this.f.req(seg, 1, "N301 address")];
    const second = seg.element(2);
    if (second !== "") lines.push(second);
    party.address = { ...party.address, lines };
  }

  private onN4(seg: SegmentFields): void {
    const party = this.party();
    if (party === undefined) {
      this.unexpected(seg, "N4 in loop 1000A or 1000B");
      return;
    }
    party.address = {
      lines: party.address?.lines ?? [],
      city: this.f.opt(seg, 1),
      state: this.f.opt(seg, 2),
      postalCode: this.f.opt(seg, 3),
      countryCode: this.f.opt(seg, 4),
    };
  }

  private contact(seg: SegmentFields): Contact835 {
    const numbers: Array<{ qualifier: string; value: string }> = [];
    for (let at = 3; at <= 7; at += 2) {
      const qualifier = seg.element(at);
      if (qualifier !== "") numbers.push({ qualifier, value: seg.element(at + 1) });
    }
    return {
      functionCode: this.f.req(seg, 1, "PER01 contact function code"),
      name: this.f.opt(seg, 2),
      numbers,
    };
  }

  private onPer(seg: SegmentFields): void {
    if (this.state === "payer" || this.state === "payee") {
      (this.party() as Party835).contacts.push(this.contact(seg));
      return;
    }
    if (this.state === "claim" && this.claim) {
      this.claim.contacts = add(this.claim.contacts, this.contact(seg));
      return;
    }
    this.unexpected(seg, "PER in loop 1000A or 2100");
  }

  private onRef(seg: SegmentFields): void {
    const ref = {
      qualifier: this.f.code(seg, 1, "REF01 reference identification qualifier"),
      value: seg.element(2),
    };
    if (ref.value === "") this.f.bad(seg, 2, "REF02 reference identification is required", "a value", "");
    switch (this.state) {
      case "header":
        if (this.trace === undefined) {
          this.unexpected(seg, "REF after TRN");
          return;
        }
        if (ref.qualifier === "EV") this.receiverId = ref.value;
        else if (ref.qualifier === "F2") this.versionId = ref.value;
        this.references.push(ref);
        return;
      case "payer":
      case "payee":
        (this.party() as Party835).references.push(ref);
        return;
      case "claim":
        if (this.claim) this.claim.references = add(this.claim.references, ref);
        return;
      case "service":
        if (this.line) {
          if (ref.qualifier === "6R") this.line.lineControlNumber = ref.value;
          this.line.references = add(this.line.references, ref);
        }
        return;
      default:
        this.unexpected(seg, "REF in the header, 1000A/B, 2100 or 2110");
    }
  }

  private onDtm(seg: SegmentFields): void {
    const qualifier = this.f.code(seg, 1, "DTM01 date/time qualifier");
    const date = this.f.date(seg, 2, "DTM02 date");
    switch (this.state) {
      case "header":
        if (this.trace === undefined) {
          this.unexpected(seg, "DTM after TRN");
          return;
        }
        if (qualifier === "405") this.productionDate = date;
        return;
      case "claim": {
        const claim = this.claim as Claim835;
        claim.dates = add(claim.dates, { qualifier, date });
        if (qualifier === "232") claim.statementFrom = date;
        else if (qualifier === "233") claim.statementTo = date;
        else if (qualifier === "050") claim.receivedDate = date;
        return;
      }
      case "service": {
        const line = this.line as ServiceLine835;
        line.dates = add(line.dates, { qualifier, date });
        if (qualifier === "472") line.serviceDate = date;
        else if (qualifier === "150") line.serviceFrom = date;
        else if (qualifier === "151") line.serviceTo = date;
        return;
      }
      default:
        this.unexpected(seg, "DTM in the header, 2100 or 2110");
    }
  }

  private ensureHeader(seg: SegmentFields): RemittanceHeader835 {
    if (this.header !== undefined) return this.header;
    if (this.payment === undefined) this.f.report(this.missing(seg, "BPR"));
    if (this.trace === undefined) this.f.report(this.missing(seg, "TRN"));
    if (this.payer === undefined) this.f.report(this.missing(seg, "N1*PR payer identification (loop 1000A)"));
    if (this.payee === undefined) this.f.report(this.missing(seg, "N1*PE payee identification (loop 1000B)"));
    this.header = {
      context: this.context as TransactionContext,
      payment: this.payment ?? {
        handling: { code: "", text: undefined },
        amountCents: 0,
        creditDebit: "C",
        method: { code: "", text: undefined },
      },
      trace: this.trace ?? { typeCode: "", referenceId: "" },
      currency: this.currency,
      receiverId: this.receiverId,
      versionId: this.versionId,
      productionDate: this.productionDate,
      references: this.references,
      payer: this.payer ?? emptyParty("PR"),
      payee: this.payee ?? emptyParty("PE"),
    };
    if (!this.headerEmitted) {
      this.headerEmitted = true;
      this.emit({ type: "remittance", remittance: this.header });
    }
    return this.header;
  }

  private onLx(seg: SegmentFields): void {
    if (this.state === "trailer" || this.state === "header" || this.state === "payer") {
      this.unexpected(seg, "LX after loop 1000B and before PLB");
      return;
    }
    this.ensureHeader(seg);
    this.finishClaim();
    this.f.loop = "2000";
    this.group = { number: this.f.req(seg, 1, "LX01 assigned number") };
    this.state = "group";
  }

  private onTs3(seg: SegmentFields): void {
    if (this.state !== "group" || this.group === undefined) {
      this.unexpected(seg, "TS3 right after LX");
      return;
    }
    const f = this.f;
    this.group.providerId = f.opt(seg, 1);
    this.group.facilityTypeCode = f.opt(seg, 2);
    this.group.fiscalPeriodDate = f.optDate(seg, 3, "TS303 fiscal period date");
    this.group.totalClaimCount = f.decimal(seg, 4, "TS304 total claim count");
    this.group.totalChargeCents = f.optCents(seg, 5, "TS305 total claim charge amount");
  }

  private onClp(seg: SegmentFields): void {
    if (this.state === "trailer") {
      this.unexpected(seg, "no CLP after PLB");
      return;
    }
    this.ensureHeader(seg);
    this.finishClaim();
    this.f.loop = "2100";
    const f = this.f;
    this.claim = {
      index: this.claimIndex++,
      segmentNumber: seg.number,
      group: this.group,
      patientControlNumber: f.req(seg, 1, "CLP01 patient control number"),
      status: f.knownCode(seg, 2, CLAIM_PAYMENT_STATUS_CODES, "CLP02 claim status code"),
      chargeCents: f.cents(seg, 3, "CLP03 total claim charge amount"),
      paidCents: f.cents(seg, 4, "CLP04 claim payment amount"),
      patientResponsibilityCents: f.optCents(seg, 5, "CLP05 patient responsibility amount"),
      claimFilingIndicator: f.optCode(seg, 6),
      payerClaimControlNumber: f.opt(seg, 7),
      facilityTypeCode: f.optCode(seg, 8),
      frequencyCode: f.optCode(seg, 9),
      drgCode: f.opt(seg, 11),
      drgWeight: f.decimal(seg, 12, "CLP12 DRG weight"),
      dischargeFraction: f.decimal(seg, 13, "CLP13 discharge fraction"),
      adjustments: NONE,
      names: NONE,
      references: NONE,
      dates: NONE,
      contacts: NONE,
      amounts: NONE,
      quantities: NONE,
      services: NONE,
      balance: BALANCED,
    };
    this.line = undefined;
    this.state = "claim";
  }

  private finishClaim(): void {
    const claim = this.claim;
    if (claim === undefined) return;
    this.claim = undefined;
    this.line = undefined;
    claim.balance = balanceClaim(claim);
    if (!claim.balance.balanced) this.claimsOutOfBalance++;
    this.totalCharge += claim.chargeCents;
    this.totalPaid += claim.paidCents;
    this.emit({ type: "claim", claim, remittance: this.header as RemittanceHeader835 });
  }

  private onCas(seg: SegmentFields): void {
    const holder = this.state === "service" ? this.line : this.state === "claim" ? this.claim : undefined;
    if (holder === undefined) {
      this.unexpected(seg, "CAS in loop 2100 or 2110");
      return;
    }
    const f = this.f;
    const group = f.code(seg, 1, "CAS01 claim adjustment group code");
    let found = 0;
    let list = holder.adjustments;
    // Up to six triplets: reason (2,5,…,17), amount (3,6,…,18), quantity (4,7,…,19).
    for (let at = 2; at <= 17; at += 3) {
      if (at > seg.length) break;
      if (!seg.has(at)) {
        if (seg.has(at + 1) || seg.has(at + 2)) {
          f.bad(seg, at, "an adjustment amount without a reason code", "a claim adjustment reason code", "");
        }
        continue;
      }
      found++;
      const adjustment: Adjustment835 = {
        group,
        reasonCode: seg.code(at),
        amountCents: f.cents(seg, at + 1, CAS_AMOUNT[at] as string),
      };
      const quantity = f.decimal(seg, at + 2, CAS_QUANTITY[at] as string);
      if (quantity !== undefined) adjustment.quantity = quantity;
      list = add(list, adjustment);
    }
    holder.adjustments = list;
    if (found === 0) f.bad(seg, 2, "CAS02 claim adjustment reason code is required", "a reason code", "");
  }

  private name(seg: SegmentFields): Name835 {
    const f = this.f;
    return {
      entityCode: seg.code(1),
      entityType: f.code(seg, 2, "NM102 entity type qualifier"),
      lastName: seg.element(3),
      firstName: f.opt(seg, 4),
      middleName: f.opt(seg, 5),
      suffix: f.opt(seg, 7),
      idQualifier: f.optCode(seg, 8),
      id: f.opt(seg, 9),
    };
  }

  private onNm1(seg: SegmentFields): void {
    const claim = this.claim;
    if (this.state !== "claim" || claim === undefined) {
      this.unexpected(seg, "NM1 in loop 2100, before SVC");
      return;
    }
    const name = this.name(seg);
    claim.names = add(claim.names, name);
    switch (name.entityCode) {
      case "QC":
        claim.patient = name;
        break;
      case "IL":
        claim.insured = name;
        break;
      case "74":
        claim.correctedPatient = name;
        break;
      case "82":
        claim.renderingProvider = name;
        break;
      case "TT":
        claim.crossoverCarrier = name;
        break;
      case "PR":
        claim.correctedPriorityPayer = name;
        break;
      case "GB":
        claim.otherSubscriber = name;
        break;
      default:
        this.f.bad(
          seg,
          1,
          "unknown NM101 entity identifier code in loop 2100",
          "QC, IL, 74, 82, TT, PR or GB",
          name.entityCode,
        );
    }
  }

  private onMia(seg: SegmentFields): void {
    if (this.state !== "claim" || this.claim === undefined) {
      this.unexpected(seg, "MIA in loop 2100");
      return;
    }
    const remarkCodes: string[] = [];
    for (const at of [5, 20, 21, 22, 23]) {
      const code = seg.element(at);
      if (code !== "") remarkCodes.push(code);
    }
    this.claim.inpatient = {
      coveredDaysOrVisits: this.f.decimal(seg, 1, "MIA01 covered days or visits count"),
      remarkCodes,
      elements: seg.elements.slice(1) as string[],
    };
  }

  private onMoa(seg: SegmentFields): void {
    if (this.state !== "claim" || this.claim === undefined) {
      this.unexpected(seg, "MOA in loop 2100");
      return;
    }
    const remarkCodes: string[] = [];
    for (let at = 3; at <= 7; at++) {
      const code = seg.element(at);
      if (code !== "") remarkCodes.push(code);
    }
    const f = this.f;
    this.claim.outpatient = {
      reimbursementRate: f.decimal(seg, 1, "MOA01 reimbursement rate"),
      hcpcsPayableCents: f.optCents(seg, 2, "MOA02 HCPCS payable amount"),
      remarkCodes,
      esrdPaymentCents: f.optCents(seg, 8, "MOA08 ESRD payment amount"),
      nonpayableProfessionalComponentCents: f.optCents(seg, 9, "MOA09 nonpayable professional component"),
    };
  }

  private onAmt(seg: SegmentFields): void {
    const qualifier = this.f.code(seg, 1, "AMT01 amount qualifier code");
    const cents = this.f.cents(seg, 2, "AMT02 monetary amount");
    if (this.state === "claim" && this.claim)
      this.claim.amounts = add(this.claim.amounts, { qualifier, cents });
    else if (this.state === "service" && this.line) {
      this.line.amounts = add(this.line.amounts, { qualifier, cents });
      if (qualifier === "B6") this.line.allowedCents = cents;
    } else this.unexpected(seg, "AMT in loop 2100 or 2110");
  }

  private onQty(seg: SegmentFields): void {
    const qualifier = this.f.code(seg, 1, "QTY01 quantity qualifier");
    const quantity = this.f.decimal(seg, 2, "QTY02 quantity") ?? 0;
    if (this.state === "claim" && this.claim)
      this.claim.quantities = add(this.claim.quantities, { qualifier, quantity });
    else if (this.state === "service" && this.line)
      this.line.quantities = add(this.line.quantities, { qualifier, quantity });
    else this.unexpected(seg, "QTY in loop 2100 or 2110");
  }

  private procedure(seg: SegmentFields, element: number, what: string): Procedure835 {
    const value = seg.element(element);
    const sep = seg.delimiters.component;
    // Split by hand: most procedures are just "HC:99213" and need no array.
    const a = value.indexOf(sep);
    const qualifier = a < 0 ? value : value.substring(0, a);
    const b = a < 0 ? -1 : value.indexOf(sep, a + 1);
    const code = a < 0 ? "" : b < 0 ? value.substring(a + 1) : value.substring(a + 1, b);
    if (qualifier === "")
      this.f.bad(seg, element, `${what}: product/service id qualifier is required`, "e.g. HC", "", 1);
    if (code === "")
      this.f.bad(seg, element, `${what}: procedure code is required`, "a procedure code", value, 2);
    if (b < 0) return { qualifier, code, modifiers: NONE };
    const parts = value.substring(b + 1).split(sep);
    const modifiers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const m = parts[i];
      if (m !== undefined && m !== "") modifiers.push(m);
    }
    const description = parts[4];
    return description ? { qualifier, code, modifiers, description } : { qualifier, code, modifiers };
  }

  private onSvc(seg: SegmentFields): void {
    if ((this.state !== "claim" && this.state !== "service") || this.claim === undefined) {
      this.unexpected(seg, "SVC in loop 2100");
      return;
    }
    this.f.loop = "2110";
    const f = this.f;
    const line: ServiceLine835 = {
      procedure: this.procedure(seg, 1, "SVC01"),
      chargeCents: f.cents(seg, 2, "SVC02 line item charge amount"),
      paidCents: f.cents(seg, 3, "SVC03 line item provider payment amount"),
      revenueCode: f.opt(seg, 4),
      unitsPaid: f.decimal(seg, 5, "SVC05 units of service paid count") ?? 1,
      dates: NONE,
      adjustments: NONE,
      references: NONE,
      amounts: NONE,
      quantities: NONE,
      remarks: NONE,
    };
    if (seg.element(6) !== "") line.originalProcedure = this.procedure(seg, 6, "SVC06");
    const originalUnits = f.decimal(seg, 7, "SVC07 original units of service count");
    if (originalUnits !== undefined) line.originalUnits = originalUnits;
    this.claim.services = add(this.claim.services, line);
    this.line = line;
    this.state = "service";
  }

  private onLq(seg: SegmentFields): void {
    if (this.state !== "service" || this.line === undefined) {
      this.unexpected(seg, "LQ in loop 2110");
      return;
    }
    this.line.remarks = add(this.line.remarks, {
      qualifier: this.f.code(seg, 1, "LQ01 code list qualifier code"),
      code: this.f.code(seg, 2, "LQ02 remark code"),
    });
  }

  private onPlb(seg: SegmentFields): void {
    this.ensureHeader(seg);
    this.finishClaim();
    this.state = "trailer";
    this.f.loop = "SUMMARY";
    const f = this.f;
    const adjustment: ProviderAdjustment835 = {
      segmentNumber: seg.number,
      providerId: f.req(seg, 1, "PLB01 provider identifier"),
      fiscalPeriodDate: f.date(seg, 2, "PLB02 fiscal period date"),
      items: [],
    };
    for (let at = 3; at <= 13; at += 2) {
      if (at > seg.length) break;
      if (!seg.has(at)) continue;
      const reason = seg.component(at, 1);
      const referenceId = seg.component(at, 2);
      const amountCents = f.cents(seg, at + 1, `${elementRef("PLB", at + 1)} provider adjustment amount`);
      adjustment.items.push({
        reason: codeText(PROVIDER_ADJUSTMENT_REASON_CODES, reason),
        referenceId: referenceId === "" ? undefined : referenceId,
        amountCents,
      });
      this.plbTotal += amountCents;
    }
    if (adjustment.items.length === 0) {
      f.bad(seg, 3, "PLB03 adjustment identifier is required", "reason code:reference id", "");
    }
    this.plb.push(adjustment);
  }

  end(se: Segment): void {
    const header = this.ensureHeader(se);
    this.finishClaim();
    const imbalance = balanceTransaction(
      this.totalPaid,
      this.plbTotal,
      header.payment.amountCents,
      header.payment.creditDebit,
      this.bprSegment,
    );
    this.emit({
      type: "remittanceEnd",
      remittance: header,
      summary: {
        claimCount: this.claimIndex,
        totalChargeCents: this.totalCharge,
        totalPaidCents: this.totalPaid,
        providerAdjustments: this.plb,
        providerAdjustmentTotalCents: this.plbTotal,
        claimsOutOfBalance: this.claimsOutOfBalance,
        balance: imbalance
          ? { balanced: false, imbalances: [imbalance] }
          : { balanced: true, imbalances: [] },
      },
    });
  }
}
