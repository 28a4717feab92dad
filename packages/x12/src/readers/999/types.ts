import type { CodeText } from "../../codes/table.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { X12Error } from "../../errors.js";

/** Outcome of an acknowledged transaction set or group. */
export type AckStatus = "accepted" | "acceptedWithErrors" | "partiallyAccepted" | "rejected";

/** Position of an element: element, component and repetition (IK401, CTX05). */
export type ElementPosition999 = { element: number; component?: number; repetition?: number };

/** CTX: the business unit (e.g. `CLM01:PATIENT123`) or segment context of an error. */
export type Context999 = {
  name: string;
  reference?: string;
  segmentId?: string;
  segmentPosition?: number;
  loopId?: string;
  elementPosition?: ElementPosition999;
};

/** IK4: one element error with its code text. */
export type ElementError999 = {
  position: ElementPosition999;
  /** IK402 data element reference number. */
  dataElementReference?: string;
  /** IK403 with text, e.g. `7` "Invalid Code Value". */
  error: CodeText;
  /** IK404 copy of the bad data element. */
  badData?: string;
  contexts: Context999[];
};

/** IK3: one segment error, with its element errors. */
export type SegmentError999 = {
  /** IK301 segment id in error. */
  segmentId: string;
  /** IK302 position of the segment in the transaction set (ST = 1). */
  position: number;
  /** IK303 loop identifier code. */
  loopId?: string;
  /** IK304 with text, e.g. `8` "Segment Has Data Element Errors". */
  error?: CodeText;
  contexts: Context999[];
  elementErrors: ElementError999[];
};

/** AK2…IK5: the acknowledgment of one transaction set. */
export type TransactionSetAck999 = {
  /** AK201, e.g. `837`. */
  transactionSetId: string;
  /** AK202, the ST02 of the acknowledged transaction set. */
  controlNumber: string;
  implementationReference?: string;
  /** IK501 acknowledgment code with text. */
  ack: CodeText;
  status: AckStatus;
  /** IK502–IK506 with texts. */
  errors: CodeText[];
  segmentErrors: SegmentError999[];
};

/** AK9: the acknowledgment of the whole functional group. */
export type GroupAck999 = {
  ack: CodeText;
  status: AckStatus;
  transactionSetsIncluded: number;
  transactionSetsReceived: number;
  transactionSetsAccepted: number;
  errors: CodeText[];
};

/** One 999 transaction set: AK1, the AK2 loops and AK9. */
export type Ack999 = {
  context: TransactionContext;
  /** AK1: which functional group is acknowledged. */
  functionalGroup: { functionalIdCode: string; controlNumber: string; version?: string };
  transactionSets: TransactionSetAck999[];
  group: GroupAck999;
  warnings: X12Error[];
};
