import { CLAIM_STATUS_CATEGORY_CODES, CLAIM_STATUS_CODES } from "../../codes/claim-status.js";
import { ENTITY_IDENTIFIER_CODES } from "../../codes/entities.js";
import { codeText } from "../../codes/table.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { TransactionHandler } from "../../envelope/validator.js";
import { X12Error } from "../../errors.js";
import type { Segment } from "../../tokenizer/segment.js";
import type { FieldReader } from "../fields.js";
import { worstDisposition } from "./disposition.js";
import type {
  ClaimAcknowledgment277,
  ClaimStatus277,
  LineStatus277,
  Name277,
  Provider277,
  Receiver277,
  Source277,
  Status277,
  StatusCode277,
  Totals277,
} from "./types.js";

type Level =
  | { kind: "20"; node: Source277 }
  | { kind: "21"; node: Receiver277 }
  | { kind: "19"; node: Provider277 }
  | { kind: "PT"; node: ClaimStatus277 };

const PARENT: Record<string, string | undefined> = { "20": undefined, "21": "20", "19": "21", PT: "19" };
const LOOP: Record<string, string> = { "20": "2000A", "21": "2000B", "19": "2000C", PT: "2000D" };

/** 277CA (005010X214) reader: walks the HL hierarchy source → receiver → provider → claim. */
export class Reader277 implements TransactionHandler {
  private doc: ClaimAcknowledgment277 | undefined;
  private levels = new Map<string, Level>();
  private current: Level | undefined;
  private line: LineStatus277 | undefined;
  private sawBht = false;
  private lastHl = 0;

  constructor(
    private readonly f: FieldReader,
    private readonly emit: (doc: ClaimAcknowledgment277) => void,
    private readonly takeWarnings: () => X12Error[],
  ) {}

  begin(context: TransactionContext, st: Segment): void {
    if (context.transaction.id !== "277") {
      throw new X12Error("UNSUPPORTED_TRANSACTION", "the 277CA reader was given another transaction set", {
        segmentNumber: st.number,
        segmentId: "ST",
        elementPosition: 1,
        byteOffset: st.offset,
        expected: "277",
        found: context.transaction.id,
      });
    }
    this.doc = {
      context,
      header: { purposeCode: "", referenceId: "", date: "", transactionTypeCode: "" },
      sources: [],
      claims: [],
      warnings: [],
    };
    this.levels = new Map();
    this.current = undefined;
    this.line = undefined;
    this.sawBht = false;
    this.lastHl = 0;
    this.f.loop = "HEADER";
  }

  private unexpected(seg: Segment, expected: string): void {
    this.f.report(
      this.f.error("UNEXPECTED_SEGMENT", seg, `${seg.id} is not allowed here in a 277CA`, {
        expected,
        found: seg.id,
      }),
    );
  }

  segment(seg: Segment): void {
    const f = this.f;
    if (seg.id === "BHT") {
      if (this.sawBht || this.current !== undefined) {
        this.unexpected(seg, "BHT right after ST");
        return;
      }
      this.sawBht = true;
      const doc = this.doc as ClaimAcknowledgment277;
      doc.header = {
        purposeCode: f.req(seg, 2, "BHT02 transaction set purpose code"),
        referenceId: f.req(seg, 3, "BHT03 originator application transaction identifier"),
        date: f.date(seg, 4, "BHT04 transaction set creation date"),
        time: f.opt(seg, 5),
        transactionTypeCode: f.req(seg, 6, "BHT06 transaction type code"),
      };
      return;
    }
    if (!this.sawBht) {
      this.f.report(
        this.f.error("MISSING_SEGMENT", seg, `BHT is required before ${seg.id}`, {
          expected: "BHT",
          found: seg.id,
        }),
      );
      this.sawBht = true;
    }
    if (seg.id === "HL") {
      this.onHl(seg);
      return;
    }
    const level = this.current;
    if (level === undefined) {
      this.unexpected(seg, "HL*1**20 (information source) after BHT");
      return;
    }
    switch (seg.id) {
      case "NM1": {
        const taken = level.kind === "PT" ? level.node.patient : level.node.name;
        if (this.line !== undefined || taken !== undefined) {
          this.unexpected(seg, "one NM1 right after HL");
          return;
        }
        if (level.kind === "PT") level.node.patient = this.name(seg);
        else level.node.name = this.name(seg);
        return;
      }
      case "TRN":
        this.onTrn(seg, level);
        return;
      case "DTP":
        this.onDtp(seg, level);
        return;
      case "STC":
        this.onStc(seg, level);
        return;
      case "QTY":
      case "AMT":
        this.onTotals(seg, level);
        return;
      case "REF":
        this.onRef(seg, level);
        return;
      case "SVC":
        this.onSvc(seg, level);
        return;
      default:
        this.unexpected(seg, "a segment of the 005010X214 277CA");
    }
  }

  private onHl(seg: Segment): void {
    const f = this.f;
    const id = f.req(seg, 1, "HL01 hierarchical id number");
    const parentId = seg.element(2);
    const code = f.req(seg, 3, "HL03 hierarchical level code");
    if (!(code in PARENT)) {
      f.bad(seg, 3, "HL03 is not a 277CA level", "20, 21, 19 or PT", code);
      this.current = undefined;
      return;
    }
    f.loop = LOOP[code] ?? "";
    const n = Number(id);
    if (this.levels.has(id) || !(Number.isInteger(n) && n === this.lastHl + 1)) {
      f.bad(seg, 1, "HL01 must number the levels 1, 2, 3, … without gaps", String(this.lastHl + 1), id);
    }
    if (Number.isInteger(n)) this.lastHl = n;
    const wantParent = PARENT[code];
    const parent = parentId === "" ? undefined : this.levels.get(parentId);
    if (wantParent === undefined ? parentId !== "" : parent?.kind !== wantParent) {
      f.bad(
        seg,
        2,
        wantParent === undefined
          ? "HL02 must be empty for the information source level"
          : `HL02 must point to an earlier level ${wantParent} HL`,
        wantParent === undefined ? "no parent" : `the HL01 of a level ${wantParent}`,
        parentId,
      );
    }
    this.line = undefined;
    const doc = this.doc as ClaimAcknowledgment277;
    let level: Level;
    switch (code) {
      case "20": {
        const node: Source277 = { hierarchicalId: id, receivers: [] };
        doc.sources.push(node);
        level = { kind: "20", node };
        break;
      }
      case "21": {
        const node: Receiver277 = { hierarchicalId: id, statuses: [], providers: [] };
        if (parent?.kind === "20") parent.node.receivers.push(node);
        level = { kind: "21", node };
        break;
      }
      case "19": {
        const node: Provider277 = { hierarchicalId: id, statuses: [], references: [], claims: [] };
        if (parent?.kind === "21") parent.node.providers.push(node);
        level = { kind: "19", node };
        break;
      }
      default: {
        const node: ClaimStatus277 = {
          hierarchicalId: id,
          statuses: [],
          disposition: "unknown",
          references: [],
          lines: [],
        };
        if (parent?.kind === "19") {
          parent.node.claims.push(node);
          if (parent.node.name) node.provider = parent.node.name;
        }
        doc.claims.push(node);
        level = { kind: "PT", node };
      }
    }
    this.levels.set(id, level);
    this.current = level;
  }

  private name(seg: Segment): Name277 {
    const f = this.f;
    return {
      entityCode: f.req(seg, 1, "NM101 entity identifier code"),
      entityType: f.req(seg, 2, "NM102 entity type qualifier"),
      lastName: seg.element(3),
      firstName: f.opt(seg, 4),
      middleName: f.opt(seg, 5),
      suffix: f.opt(seg, 7),
      idQualifier: f.opt(seg, 8),
      id: f.opt(seg, 9),
    };
  }

  private onTrn(seg: Segment, level: Level): void {
    if (this.line !== undefined) {
      this.unexpected(seg, "TRN before SVC");
      return;
    }
    const value = this.f.req(seg, 2, "TRN02 reference identification");
    switch (level.kind) {
      case "20":
        level.node.transmissionReceiptId = value;
        return;
      case "21":
      case "19":
        level.node.traceId = value;
        return;
      case "PT":
        level.node.patientControlNumber = value;
    }
  }

  private onDtp(seg: Segment, level: Level): void {
    const qualifier = this.f.req(seg, 1, "DTP01 date/time qualifier");
    if (level.kind === "20") {
      if (seg.element(2) !== "D8") {
        this.f.bad(seg, 2, "DTP02 must be D8 at the information source level", "D8", seg.element(2));
        return;
      }
      const date = this.f.date(seg, 3, `DTP03 date (DTP*${qualifier})`);
      if (qualifier === "050") level.node.receivedDate = date;
      else if (qualifier === "009") level.node.processDate = date;
      else this.f.bad(seg, 1, "unknown DTP01 at the information source level", "050 or 009", qualifier);
      return;
    }
    if (level.kind === "PT") {
      const range = this.f.dateOrRange(seg, 2, `DTP*${qualifier} service date`);
      if (this.line) this.line.serviceDate = range;
      else level.node.serviceDate = range;
      return;
    }
    this.unexpected(seg, "DTP at the source or claim level");
  }

  private statusCode(seg: Segment, at: number): StatusCode277 | undefined {
    const parts = seg.components(at);
    if (parts.length === 0) return undefined;
    const category = parts[0] ?? "";
    const status = parts[1] ?? "";
    if (category === "")
      this.f.bad(seg, at, "health care claim status category code is required", "e.g. A1", "", 1);
    if (status === "") this.f.bad(seg, at, "claim status code is required", "e.g. 20", seg.element(at), 2);
    const code: StatusCode277 = {
      category: codeText(CLAIM_STATUS_CATEGORY_CODES, category),
      status: codeText(CLAIM_STATUS_CODES, status),
    };
    const entity = parts[2];
    if (entity) code.entity = codeText(ENTITY_IDENTIFIER_CODES, entity);
    const qualifier = parts[3];
    if (qualifier) code.codeListQualifier = qualifier;
    return code;
  }

  private onStc(seg: Segment, level: Level): void {
    if (level.kind === "20") {
      this.unexpected(seg, "STC at the receiver, provider or claim level");
      return;
    }
    const codes: StatusCode277[] = [];
    for (const at of [1, 10, 11]) {
      const code = this.statusCode(seg, at);
      if (code) codes.push(code);
    }
    if (seg.element(1) === "")
      this.f.bad(seg, 1, "STC01 health care claim status is required", "category:status[:entity]", "");
    const status: Status277 = { codes, disposition: worstDisposition(codes) };
    const date = this.f.optDate(seg, 2, "STC02 status information effective date");
    if (date !== undefined) status.date = date;
    const action = this.f.opt(seg, 3);
    if (action !== undefined) status.actionCode = action;
    const charge = this.f.optCents(seg, 4, "STC04 total claim charge amount");
    if (charge !== undefined) status.chargeCents = charge;
    const message = this.f.opt(seg, 12);
    if (message !== undefined) status.message = message;
    if (this.line) {
      this.line.statuses.push(status);
      return;
    }
    level.node.statuses.push(status);
    if (level.kind === "PT")
      level.node.disposition = worstDisposition(level.node.statuses.map((s) => s.disposition));
  }

  private onTotals(seg: Segment, level: Level): void {
    if (level.kind !== "21" && level.kind !== "19") {
      this.unexpected(seg, `${seg.id} at the receiver or provider level`);
      return;
    }
    const qualifier = this.f.req(seg, 1, `${seg.id}01 qualifier`);
    const node: Totals277 = level.node;
    if (seg.id === "QTY") {
      const n = this.f.decimal(seg, 2, "QTY02 quantity");
      if (qualifier === "90" || qualifier === "QA") node.acceptedQuantity = n;
      else if (qualifier === "AA" || qualifier === "QC") node.rejectedQuantity = n;
      else this.f.bad(seg, 1, "unknown QTY01 qualifier", "90, AA, QA or QC", qualifier);
      return;
    }
    const cents = this.f.cents(seg, 2, "AMT02 monetary amount");
    if (qualifier === "YU") node.acceptedAmountCents = cents;
    else if (qualifier === "YY") node.rejectedAmountCents = cents;
    else this.f.bad(seg, 1, "unknown AMT01 qualifier", "YU or YY", qualifier);
  }

  private onRef(seg: Segment, level: Level): void {
    const ref = {
      qualifier: this.f.req(seg, 1, "REF01 reference identification qualifier"),
      value: seg.element(2),
    };
    if (this.line) {
      if (ref.qualifier === "FJ") this.line.lineControlNumber = ref.value;
      return;
    }
    if (level.kind === "19") {
      level.node.references.push(ref);
      return;
    }
    if (level.kind !== "PT") {
      this.unexpected(seg, "REF at the provider, claim or line level");
      return;
    }
    const claim = level.node;
    claim.references.push(ref);
    if (ref.qualifier === "1K") claim.payerClaimControlNumber = ref.value;
    else if (ref.qualifier === "D9") claim.clearinghouseTraceNumber = ref.value;
    else if (ref.qualifier === "BLT") claim.billType = ref.value;
  }

  private onSvc(seg: Segment, level: Level): void {
    if (level.kind !== "PT") {
      this.unexpected(seg, "SVC at the claim level");
      return;
    }
    this.f.loop = "2220D";
    const parts = seg.components(1);
    const line: LineStatus277 = {
      procedure: {
        qualifier: parts[0] ?? "",
        code: parts[1] ?? "",
        modifiers: parts.slice(2, 6).filter((m) => m !== ""),
      },
      chargeCents: this.f.cents(seg, 2, "SVC02 line item charge amount"),
      statuses: [],
    };
    if (line.procedure.code === "")
      this.f.bad(seg, 1, "SVC01-2 procedure code is required", "a procedure code", seg.element(1), 2);
    const paid = this.f.optCents(seg, 3, "SVC03 line item provider payment amount");
    if (paid !== undefined) line.paidCents = paid;
    const revenue = this.f.opt(seg, 4);
    if (revenue !== undefined) line.revenueCode = revenue;
    const units = this.f.decimal(seg, 7, "SVC07 original units of service count");
    if (units !== undefined) line.units = units;
    level.node.lines.push(line);
    this.line = line;
  }

  end(se: Segment): void {
    const doc = this.doc as ClaimAcknowledgment277;
    if (!this.sawBht) {
      this.f.report(
        this.f.error("MISSING_SEGMENT", se, "BHT is required", { expected: "BHT", found: se.id }),
      );
    } else if (doc.sources.length === 0) {
      this.f.report(
        this.f.error("MISSING_SEGMENT", se, "HL*20 information source is required", {
          expected: "HL",
          found: se.id,
        }),
      );
    }
    doc.warnings = this.takeWarnings();
    this.emit(doc);
    this.doc = undefined;
  }
}
