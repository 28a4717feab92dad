import { type WarningHandler, X12Error } from "../errors.js";
import type { Delimiters } from "../tokenizer/delimiters.js";
import type { ScannerSink } from "../tokenizer/scanner.js";
import type { Segment, SegmentView } from "../tokenizer/segment.js";
import {
  type GroupHeader,
  type InterchangeHeader,
  readGroupHeader,
  readInterchangeHeader,
  readTransactionHeader,
  type TransactionContext,
} from "./headers.js";

/** Receives the contents of each transaction set, between (and with) its ST and SE. */
export type TransactionHandler = {
  begin(context: TransactionContext, st: Segment): void;
  segment(segment: Segment): void;
  end(se: Segment): void;
  /** Optional: envelope segments (ISA, GS, GE, IEA, and an interchange's TA1) as they pass. */
  envelope?(segment: Segment): void;
  /**
   * Optional fast path for handlers that keep no segment: when present, the segments between ST
   * and SE arrive here as a transient {@link SegmentView} (reused for the next segment) instead of
   * through `segment`.
   */
  view?(view: SegmentView): void;
};

/** Options of {@link EnvelopeValidator}: strict or lenient, and where lenient warnings go. */
export type EnvelopeOptions = {
  /** Strict (default): count and control-number mismatches throw. Lenient: they become warnings. */
  strict?: boolean;
  onWarning?: WarningHandler;
};

type Open = { segment: Segment };

/**
 * Checks ISA/IEA, GS/GE and ST/SE pairing, control numbers and counts while segments stream
 * through, and hands each transaction set's segments to a {@link TransactionHandler}.
 */
export class EnvelopeValidator implements ScannerSink {
  private interchange: (Open & { header: InterchangeHeader; groups: number }) | undefined;
  private group: (Open & { header: GroupHeader; transactions: number }) | undefined;
  private transaction: (Open & { controlNumber: string; count: number }) | undefined;
  private noEnvelope = false;
  /** The last segment seen, for the error at a truncated end of input. */
  private lastNumber: number | undefined;
  private lastId: string | undefined;
  private lastOffset: number | undefined;
  private readonly strict: boolean;
  /** True when the handler takes transient views (the scanner then passes them through `view`). */
  readonly views: boolean;

  constructor(
    private readonly handler: TransactionHandler,
    private readonly options: EnvelopeOptions = {},
  ) {
    this.strict = options.strict ?? true;
    this.views = handler.view !== undefined;
  }

  /** A segment inside a transaction set, as a transient view (see {@link TransactionHandler.view}). */
  view(view: SegmentView): void {
    this.lastNumber = view.number;
    this.lastId = view.id;
    this.lastOffset = view.offset;
    const open = this.transaction;
    if (open === undefined) {
      throw unexpected(view, "a segment outside a transaction set", "ST before any transaction segment");
    }
    open.count++;
    this.handler.view?.(view);
  }

  envelopeless(_delimiters: Delimiters): void {
    this.noEnvelope = true;
  }

  private mismatch(error: X12Error): void {
    if (this.strict) throw error;
    this.options.onWarning?.(error);
  }

  segment(seg: Segment): void {
    this.lastNumber = seg.number;
    this.lastId = seg.id;
    this.lastOffset = seg.offset;
    switch (seg.id) {
      case "ISA": {
        this.onIsa(seg);
        return;
      }
      case "GS": {
        this.onGs(seg);
        return;
      }
      case "ST": {
        this.onSt(seg);
        return;
      }
      case "SE": {
        this.onSe(seg);
        return;
      }
      case "GE": {
        this.onGe(seg);
        return;
      }
      case "IEA": {
        this.onIea(seg);
        return;
      }
      case "TA1": {
        this.onTa1(seg);
        return;
      }
      default:
        if (this.transaction === undefined) {
          throw unexpected(seg, "a segment outside a transaction set", "ST before any transaction segment");
        }
        this.transaction.count++;
        this.handler.segment(seg);
    }
  }

  private onIsa(seg: Segment): void {
    if (this.noEnvelope) throw unexpected(seg, "ISA in envelope-less input", "ST or end of input");
    if (this.interchange !== undefined) {
      throw envelope(
        seg,
        `ISA while interchange ${this.interchange.header.controlNumber} is still open`,
        "IEA",
      );
    }
    this.interchange = { segment: seg, header: readInterchangeHeader(seg), groups: 0 };
    this.handler.envelope?.(seg);
  }

  private onGs(seg: Segment): void {
    if (this.interchange === undefined) throw envelope(seg, "GS outside an interchange", "ISA before GS");
    if (this.group !== undefined) {
      throw envelope(seg, `GS while group ${this.group.header.controlNumber} is still open`, "GE before GS");
    }
    if (this.transaction !== undefined) throw envelope(seg, "GS inside a transaction set", "SE before GS");
    this.group = { segment: seg, header: readGroupHeader(seg), transactions: 0 };
    this.interchange.groups++;
    this.handler.envelope?.(seg);
  }

  /**
   * TA1 (interchange acknowledgment) stands in an interchange outside its functional groups; acknowledgment files
   * often carry one beside a 999. It is passed on with the envelope segments, not refused as outside an ST.
   */
  private onTa1(seg: Segment): void {
    if (this.interchange === undefined) throw envelope(seg, "TA1 outside an interchange", "ISA before TA1");
    if (this.group !== undefined) throw envelope(seg, "TA1 inside a functional group", "GE before TA1");
    this.handler.envelope?.(seg);
  }

  private onSt(seg: Segment): void {
    if (this.transaction !== undefined) {
      throw envelope(
        seg,
        `ST while transaction set ${this.transaction.controlNumber} is still open`,
        "SE before ST",
      );
    }
    if (this.group === undefined && !this.noEnvelope)
      throw envelope(seg, "ST outside a functional group", "GS before ST");
    const header = readTransactionHeader(seg);
    this.transaction = { segment: seg, controlNumber: header.controlNumber, count: 1 };
    if (this.group) this.group.transactions++;
    this.handler.begin(
      {
        interchange: this.interchange?.header,
        group: this.group?.header,
        transaction: header,
        delimiters: seg.delimiters,
      },
      seg,
    );
  }

  private onSe(seg: Segment): void {
    const open = this.transaction;
    if (open === undefined) throw envelope(seg, "SE without a matching ST", "ST before SE");
    open.count++;
    const declared = seg.element(1);
    if (declared !== String(open.count)) {
      this.mismatch(
        new X12Error("SEGMENT_COUNT_MISMATCH", "SE01 does not match the number of segments from ST to SE", {
          segmentNumber: seg.number,
          segmentId: "SE",
          elementPosition: 1,
          byteOffset: seg.offset,
          expected: String(open.count),
          found: declared,
        }),
      );
    }
    if (seg.element(2) !== open.controlNumber) {
      this.mismatch(
        new X12Error("CONTROL_NUMBER_MISMATCH", `SE02 does not match ST02 (segment ${open.segment.number})`, {
          segmentNumber: seg.number,
          segmentId: "SE",
          elementPosition: 2,
          byteOffset: seg.offset,
          expected: open.controlNumber,
          found: seg.element(2),
        }),
      );
    }
    this.transaction = undefined;
    this.handler.end(seg);
  }

  private onGe(seg: Segment): void {
    if (this.noEnvelope) throw unexpected(seg, "GE in envelope-less input", "ST or end of input");
    if (this.transaction !== undefined) {
      throw envelope(
        seg,
        `GE while transaction set ${this.transaction.controlNumber} is still open`,
        "SE before GE",
      );
    }
    const open = this.group;
    if (open === undefined) throw envelope(seg, "GE without a matching GS", "GS before GE");
    if (seg.element(1) !== String(open.transactions)) {
      this.mismatch(
        new X12Error(
          "TRANSACTION_COUNT_MISMATCH",
          "GE01 does not match the number of transaction sets in the group",
          {
            segmentNumber: seg.number,
            segmentId: "GE",
            elementPosition: 1,
            byteOffset: seg.offset,
            expected: String(open.transactions),
            found: seg.element(1),
          },
        ),
      );
    }
    if (seg.element(2) !== open.header.controlNumber) {
      this.mismatch(
        new X12Error("CONTROL_NUMBER_MISMATCH", `GE02 does not match GS06 (segment ${open.segment.number})`, {
          segmentNumber: seg.number,
          segmentId: "GE",
          elementPosition: 2,
          byteOffset: seg.offset,
          expected: open.header.controlNumber,
          found: seg.element(2),
        }),
      );
    }
    this.group = undefined;
    this.handler.envelope?.(seg);
  }

  private onIea(seg: Segment): void {
    if (this.noEnvelope) throw unexpected(seg, "IEA in envelope-less input", "ST or end of input");
    if (this.group !== undefined) {
      throw envelope(
        seg,
        `IEA while group ${this.group.header.controlNumber} is still open`,
        "GE before IEA",
      );
    }
    const open = this.interchange;
    if (open === undefined) throw envelope(seg, "IEA without a matching ISA", "ISA before IEA");
    if (seg.element(1) !== String(open.groups)) {
      this.mismatch(
        new X12Error("GROUP_COUNT_MISMATCH", "IEA01 does not match the number of functional groups", {
          segmentNumber: seg.number,
          segmentId: "IEA",
          elementPosition: 1,
          byteOffset: seg.offset,
          expected: String(open.groups),
          found: seg.element(1),
        }),
      );
    }
    if (seg.element(2) !== open.header.controlNumber) {
      this.mismatch(
        new X12Error("CONTROL_NUMBER_MISMATCH", "IEA02 does not match ISA13 (segment 1 of the interchange)", {
          segmentNumber: seg.number,
          segmentId: "IEA",
          elementPosition: 2,
          byteOffset: seg.offset,
          expected: open.header.controlNumber,
          found: seg.element(2),
        }),
      );
    }
    this.interchange = undefined;
    this.handler.envelope?.(seg);
  }

  /** Call at end of input: anything still open means the input was cut short. */
  finish(): void {
    const where = {
      segmentNumber: this.lastNumber,
      segmentId: this.lastId,
      byteOffset: this.lastOffset,
    };
    if (this.transaction !== undefined) {
      throw new X12Error(
        "TRUNCATED",
        `input ended inside transaction set ${this.transaction.controlNumber} (ST at segment ${this.transaction.segment.number})`,
        { ...where, expected: "SE" },
      );
    }
    if (this.group !== undefined) {
      throw new X12Error(
        "TRUNCATED",
        `input ended inside functional group ${this.group.header.controlNumber} (GS at segment ${this.group.segment.number})`,
        { ...where, expected: "GE" },
      );
    }
    if (this.interchange !== undefined) {
      throw new X12Error(
        "TRUNCATED",
        `input ended inside interchange ${this.interchange.header.controlNumber} (ISA at segment ${this.interchange.segment.number})`,
        { ...where, expected: "IEA" },
      );
    }
  }
}

function envelope(seg: Segment, summary: string, expected: string): X12Error {
  return new X12Error("ENVELOPE_MISMATCH", summary, {
    segmentNumber: seg.number,
    segmentId: seg.id,
    byteOffset: seg.offset,
    expected,
  });
}

function unexpected(
  seg: { number: number; id: string; offset: number },
  summary: string,
  expected: string,
): X12Error {
  return new X12Error("UNEXPECTED_SEGMENT", summary, {
    segmentNumber: seg.number,
    segmentId: seg.id,
    byteOffset: seg.offset,
    expected,
  });
}
