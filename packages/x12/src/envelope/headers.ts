import { X12Error } from "../errors.js";
import type { Delimiters } from "../tokenizer/delimiters.js";
import type { Segment } from "../tokenizer/segment.js";
import { x12DateToIso, x12ShortDateToIso } from "../values/dates.js";

/** ISA, as typed values. Padded identifiers are trimmed. */
export type InterchangeHeader = {
  authorizationQualifier: string;
  authorizationInfo: string;
  securityQualifier: string;
  securityInfo: string;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** ISA09 as an ISO date (YYMMDD; years 00-69 are 20xx). */
  date: string;
  /** ISA10, HHMM. */
  time: string;
  /** ISA11 when it is a repetition separator (5010); `undefined` for a 4010-style `U`. */
  repetitionSeparator: string | undefined;
  /** ISA12, e.g. `00501`. */
  version: string;
  /** ISA13, nine digits. */
  controlNumber: string;
  /** ISA14 = "1". */
  acknowledgmentRequested: boolean;
  /** ISA15: `P` production, `T` test, `I` information. */
  usage: string;
  componentSeparator: string;
};

/** GS, as typed values. */
export type GroupHeader = {
  /** GS01, e.g. `HP` (835), `HC` (837), `FA` (999), `HN` (277). */
  functionalIdCode: string;
  senderCode: string;
  receiverCode: string;
  /** GS04 as ISO date. */
  date: string;
  /** GS05, HHMM[SS[D[D]]]. */
  time: string;
  controlNumber: string;
  agencyCode: string;
  /** GS08, e.g. `005010X221A1`. */
  version: string;
};

/** ST, as typed values. */
export type TransactionHeader = {
  /** ST01, e.g. `835`. */
  id: string;
  /** ST02. */
  controlNumber: string;
  /** ST03 implementation convention reference, when present. */
  implementationReference: string | undefined;
};

/** Where a transaction set sits: its envelopes (absent for envelope-less input) and delimiters. */
export type TransactionContext = {
  interchange: InterchangeHeader | undefined;
  group: GroupHeader | undefined;
  transaction: TransactionHeader;
  delimiters: Delimiters;
};

function required(seg: Segment, position: number, what: string): string {
  const value = seg.element(position);
  if (value === "") {
    throw new X12Error("BAD_ELEMENT", `${what} is required`, {
      segmentNumber: seg.number,
      segmentId: seg.id,
      elementPosition: position,
      byteOffset: seg.offset,
      expected: what,
      found: "",
    });
  }
  return value;
}

function digits(seg: Segment, position: number, what: string, min: number, max: number): string {
  const value = required(seg, position, what);
  if (value.length < min || value.length > max || !/^\d+$/.test(value)) {
    throw new X12Error("BAD_ELEMENT", `${what} must be ${min === max ? min : `${min}-${max}`} digits`, {
      segmentNumber: seg.number,
      segmentId: seg.id,
      elementPosition: position,
      byteOffset: seg.offset,
      expected: `${min === max ? min : `${min}-${max}`} digits`,
      found: value,
    });
  }
  return value;
}

/** Reads an ISA segment (sender, receiver, date, control number, usage, delimiters); `BAD_ELEMENT` on invalid values. */
export function readInterchangeHeader(seg: Segment): InterchangeHeader {
  const date = x12ShortDateToIso(seg.element(9));
  if (date === undefined) {
    throw new X12Error("BAD_ELEMENT", "ISA09 interchange date must be YYMMDD", {
      segmentNumber: seg.number,
      segmentId: "ISA",
      elementPosition: 9,
      byteOffset: seg.offset,
      expected: "a YYMMDD date",
      found: seg.element(9),
    });
  }
  return {
    authorizationQualifier: seg.element(1),
    authorizationInfo: seg.element(2).trimEnd(),
    securityQualifier: seg.element(3),
    securityInfo: seg.element(4).trimEnd(),
    senderQualifier: seg.element(5),
    senderId: seg.element(6).trim(),
    receiverQualifier: seg.element(7),
    receiverId: seg.element(8).trim(),
    date,
    time: seg.element(10),
    repetitionSeparator: seg.delimiters.repetition,
    version: required(seg, 12, "ISA12 interchange version"),
    controlNumber: digits(seg, 13, "ISA13 interchange control number", 9, 9),
    acknowledgmentRequested: seg.element(14) === "1",
    usage: seg.element(15),
    componentSeparator: seg.delimiters.component,
  };
}

/** Reads a GS segment (functional id, sender and receiver codes, date, control number, version). */
export function readGroupHeader(seg: Segment): GroupHeader {
  const rawDate = required(seg, 4, "GS04 group date");
  const date = x12DateToIso(rawDate);
  if (date === undefined) {
    throw new X12Error("BAD_ELEMENT", "GS04 group date must be CCYYMMDD", {
      segmentNumber: seg.number,
      segmentId: "GS",
      elementPosition: 4,
      byteOffset: seg.offset,
      expected: "a CCYYMMDD date",
      found: rawDate,
    });
  }
  return {
    functionalIdCode: required(seg, 1, "GS01 functional identifier code"),
    senderCode: seg.element(2),
    receiverCode: seg.element(3),
    date,
    time: seg.element(5),
    controlNumber: digits(seg, 6, "GS06 group control number", 1, 9),
    agencyCode: seg.element(7),
    version: required(seg, 8, "GS08 version/release/industry identifier code"),
  };
}

/** Reads an ST segment (transaction set id, control number, implementation convention reference). */
export function readTransactionHeader(seg: Segment): TransactionHeader {
  const st03 = seg.element(3);
  return {
    id: required(seg, 1, "ST01 transaction set identifier code"),
    controlNumber: required(seg, 2, "ST02 transaction set control number"),
    implementationReference: st03 === "" ? undefined : st03,
  };
}
