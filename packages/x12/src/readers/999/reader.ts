import {
  ACKNOWLEDGMENT_CODES,
  ELEMENT_SYNTAX_ERROR_CODES,
  FUNCTIONAL_GROUP_SYNTAX_ERROR_CODES,
  SEGMENT_SYNTAX_ERROR_CODES,
  TRANSACTION_SET_SYNTAX_ERROR_CODES,
} from "../../codes/acknowledgment.js";
import { type CodeTable, type CodeText, codeText } from "../../codes/table.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { TransactionHandler } from "../../envelope/validator.js";
import { X12Error } from "../../errors.js";
import type { Segment } from "../../tokenizer/segment.js";
import { type FieldReader, parseDecimal } from "../fields.js";
import type {
  Ack999,
  AckStatus,
  Context999,
  ElementError999,
  ElementPosition999,
  SegmentError999,
  TransactionSetAck999,
} from "./types.js";

type State = "start" | "group" | "set" | "segment" | "element" | "afterSet" | "done";

/** Maps IK501/AK901 to a status: A accepted, E accepted with errors, P partially, others (M, R, W, X) rejected. */
export function ackStatus(code: string): AckStatus {
  if (code === "A") return "accepted";
  if (code === "E") return "acceptedWithErrors";
  if (code === "P") return "partiallyAccepted";
  return "rejected";
}

/** 999 (005010X231A1) reader: one {@link Ack999} per transaction set. */
export class Reader999 implements TransactionHandler {
  private state: State = "start";
  private ack: Ack999 | undefined;
  private set: TransactionSetAck999 | undefined;
  private segmentError: SegmentError999 | undefined;
  private elementError: ElementError999 | undefined;

  constructor(
    private readonly f: FieldReader,
    private readonly emit: (ack: Ack999) => void,
    private readonly takeWarnings: () => X12Error[],
  ) {}

  begin(context: TransactionContext, st: Segment): void {
    if (context.transaction.id !== "999") {
      throw new X12Error("UNSUPPORTED_TRANSACTION", "the 999 reader was given another transaction set", {
        segmentNumber: st.number,
        segmentId: "ST",
        elementPosition: 1,
        byteOffset: st.offset,
        expected: "999",
        found: context.transaction.id,
      });
    }
    this.state = "start";
    this.set = undefined;
    this.segmentError = undefined;
    this.elementError = undefined;
    this.f.loop = "HEADER";
    this.ack = {
      context,
      functionalGroup: { functionalIdCode: "", controlNumber: "" },
      transactionSets: [],
      group: {
        ack: { code: "", text: undefined },
        status: "rejected",
        transactionSetsIncluded: 0,
        transactionSetsReceived: 0,
        transactionSetsAccepted: 0,
        errors: [],
      },
      warnings: [],
    };
  }

  private unexpected(seg: Segment, expected: string): void {
    this.f.report(
      this.f.error("UNEXPECTED_SEGMENT", seg, `${seg.id} is not allowed here in a 999`, {
        expected,
        found: seg.id,
      }),
    );
  }

  private missing(seg: Segment, what: string): void {
    this.f.report(
      this.f.error("MISSING_SEGMENT", seg, `${what} is required before ${seg.id}`, {
        expected: what,
        found: seg.id,
      }),
    );
  }

  private codes(seg: Segment, from: number, to: number, table: CodeTable): CodeText[] {
    const out: CodeText[] = [];
    for (let at = from; at <= to; at++) {
      const code = seg.element(at);
      if (code !== "") out.push(codeText(table, code));
    }
    return out;
  }

  private int(seg: Segment, at: number, what: string): number {
    const text = this.f.req(seg, at, what);
    const n = parseDecimal(text);
    if (text !== "" && (!Number.isInteger(n) || n < 0)) {
      this.f.bad(seg, at, `${what} must be a whole number`, "a non-negative integer", text);
      return 0;
    }
    return Number.isNaN(n) ? 0 : n;
  }

  private position(seg: Segment, at: number, what: string): ElementPosition999 {
    const parts = seg.components(at);
    const num = (text: string | undefined, label: string): number | undefined => {
      if (text === undefined || text === "") return undefined;
      const n = parseDecimal(text);
      if (!Number.isInteger(n) || n < 1) {
        this.f.bad(seg, at, `${what}: ${label} must be a positive integer`, "a positive integer", text);
        return undefined;
      }
      return n;
    };
    const element = num(parts[0], "element position");
    if (element === undefined && (parts[0] ?? "") === "")
      this.f.bad(seg, at, `${what} is required`, "element position", "");
    const position: ElementPosition999 = { element: element ?? 0 };
    const component = num(parts[1], "component position");
    if (component !== undefined) position.component = component;
    const repetition = num(parts[2], "repetition position");
    if (repetition !== undefined) position.repetition = repetition;
    return position;
  }

  private context(seg: Segment): Context999 {
    const ctx: Context999 = { name: this.f.reqComponent(seg, 1, 1, "CTX01-1 context name") };
    const reference = seg.component(1, 2);
    if (reference !== "") ctx.reference = reference;
    const segmentId = seg.element(2);
    if (segmentId !== "") ctx.segmentId = segmentId;
    if (seg.element(3) !== "")
      ctx.segmentPosition = this.int(seg, 3, "CTX03 segment position in transaction set");
    const loopId = seg.element(4);
    if (loopId !== "") ctx.loopId = loopId;
    if (seg.element(5) !== "") ctx.elementPosition = this.position(seg, 5, "CTX05 position in segment");
    return ctx;
  }

  segment(seg: Segment): void {
    const ack = this.ack as Ack999;
    const f = this.f;
    switch (seg.id) {
      case "AK1":
        if (this.state !== "start") {
          this.unexpected(seg, "AK1 right after ST");
          return;
        }
        ack.functionalGroup = {
          functionalIdCode: f.req(seg, 1, "AK101 functional identifier code"),
          controlNumber: f.req(seg, 2, "AK102 group control number"),
          version: f.opt(seg, 3),
        };
        this.state = "group";
        return;
      case "AK2": {
        if (this.state === "start") this.missing(seg, "AK1");
        else if (this.state !== "group" && this.state !== "afterSet") {
          this.unexpected(
            seg,
            this.state === "done" ? "nothing after AK9" : "IK5 closing the previous AK2 loop",
          );
          return;
        }
        f.loop = "2000";
        this.set = {
          transactionSetId: f.req(seg, 1, "AK201 transaction set identifier code"),
          controlNumber: f.req(seg, 2, "AK202 transaction set control number"),
          implementationReference: f.opt(seg, 3),
          ack: { code: "", text: undefined },
          status: "rejected",
          errors: [],
          segmentErrors: [],
        };
        this.state = "set";
        return;
      }
      case "IK3": {
        if (
          this.set === undefined ||
          (this.state !== "set" && this.state !== "segment" && this.state !== "element")
        ) {
          this.unexpected(seg, "IK3 inside an AK2 loop");
          return;
        }
        f.loop = "2100";
        const error = seg.element(4);
        this.segmentError = {
          segmentId: f.req(seg, 1, "IK301 segment id code"),
          position: this.int(seg, 2, "IK302 segment position in transaction set"),
          loopId: f.opt(seg, 3),
          error: error === "" ? undefined : codeText(SEGMENT_SYNTAX_ERROR_CODES, error),
          contexts: [],
          elementErrors: [],
        };
        if (error === "")
          f.bad(seg, 4, "IK304 implementation segment syntax error code is required", "an IK304 code", "");
        this.set.segmentErrors.push(this.segmentError);
        this.elementError = undefined;
        this.state = "segment";
        return;
      }
      case "IK4": {
        if (this.segmentError === undefined || (this.state !== "segment" && this.state !== "element")) {
          this.unexpected(seg, "IK4 after IK3");
          return;
        }
        f.loop = "2110";
        const bad = f.opt(seg, 4);
        this.elementError = {
          position: this.position(seg, 1, "IK401 position in segment"),
          dataElementReference: f.opt(seg, 2),
          error: codeText(
            ELEMENT_SYNTAX_ERROR_CODES,
            f.req(seg, 3, "IK403 implementation data element syntax error code"),
          ),
          contexts: [],
        };
        if (bad !== undefined) this.elementError.badData = bad;
        this.segmentError.elementErrors.push(this.elementError);
        this.state = "element";
        return;
      }
      case "CTX":
        if (this.state === "element" && this.elementError) this.elementError.contexts.push(this.context(seg));
        else if (this.state === "segment" && this.segmentError)
          this.segmentError.contexts.push(this.context(seg));
        else this.unexpected(seg, "CTX after IK3 or IK4");
        return;
      case "IK5": {
        if (this.set === undefined || this.state === "afterSet" || this.state === "group") {
          this.unexpected(seg, "IK5 closing an AK2 loop");
          return;
        }
        f.loop = "2000";
        this.set.ack = f.knownCode(seg, 1, ACKNOWLEDGMENT_CODES, "IK501 transaction set acknowledgment code");
        this.set.status = ackStatus(this.set.ack.code);
        this.set.errors = this.codes(seg, 2, 6, TRANSACTION_SET_SYNTAX_ERROR_CODES);
        ack.transactionSets.push(this.set);
        this.set = undefined;
        this.segmentError = undefined;
        this.elementError = undefined;
        this.state = "afterSet";
        return;
      }
      case "AK9": {
        if (this.state === "set" || this.state === "segment" || this.state === "element")
          this.missing(seg, "IK5");
        else if (this.state !== "group" && this.state !== "afterSet") {
          this.unexpected(seg, "AK9 once, after the AK2 loops");
          return;
        }
        f.loop = "HEADER";
        const groupAck = f.knownCode(seg, 1, ACKNOWLEDGMENT_CODES, "AK901 functional group acknowledge code");
        ack.group = {
          ack: groupAck,
          status: ackStatus(groupAck.code),
          transactionSetsIncluded: this.int(seg, 2, "AK902 number of transaction sets included"),
          transactionSetsReceived: this.int(seg, 3, "AK903 number of received transaction sets"),
          transactionSetsAccepted: this.int(seg, 4, "AK904 number of accepted transaction sets"),
          errors: this.codes(seg, 5, 9, FUNCTIONAL_GROUP_SYNTAX_ERROR_CODES),
        };
        this.state = "done";
        return;
      }
      default:
        this.unexpected(seg, "AK1, AK2, IK3, CTX, IK4, IK5 or AK9");
    }
  }

  end(se: Segment): void {
    const ack = this.ack as Ack999;
    if (this.state === "start") this.missing(se, "AK1");
    else if (this.state !== "done") {
      if (this.set !== undefined) this.missing(se, "IK5");
      this.missing(se, "AK9");
    }
    ack.warnings = this.takeWarnings();
    this.emit(ack);
    this.ack = undefined;
  }
}
