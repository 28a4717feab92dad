/**
 * @billcycle/x12: streaming, loop-aware HIPAA X12 5010. The public API is what this file exports; the modules
 * behind it are internal and may change without a major version.
 */
export * from "./codes/acknowledgment.js";
export * from "./codes/claim-status.js";
export * from "./codes/entities.js";
export * from "./codes/remittance.js";
export * from "./codes/table.js";
export * from "./envelope/headers.js";
export * from "./envelope/validator.js";
export * from "./errors.js";
export * from "./model/837p.js";
export * from "./readers/277ca/disposition.js";
export * from "./readers/277ca/index.js";
export * from "./readers/277ca/types.js";
export { balanceClaim } from "./readers/835/balance.js";
export * from "./readers/835/index.js";
export * from "./readers/835/types.js";
export * from "./readers/837p/index.js";
export * from "./readers/999/index.js";
export * from "./readers/999/types.js";
export type { ReadOptions, WarningEvent } from "./stream/run.js";
export * from "./stream/segments.js";
export type { X12Source } from "./stream/source.js";
export { DEFAULT_DELIMITERS, type Delimiters } from "./tokenizer/delimiters.js";
export * from "./tokenizer/scanner.js";
export * from "./tokenizer/segment.js";
export * from "./values/dates.js";
export { formatCents, type MoneyRounding, parseCents, parseCentsRange } from "./values/money.js";
export {
  type ControlNumberKind,
  type ControlNumberSource,
  counterControlNumbers,
} from "./writer/837p/control.js";
export type { CharacterSet } from "./writer/837p/raw.js";
export { defaultSplitSuffix, type SplitSuffix } from "./writer/837p/split.js";
export { isValidNpi, type ValidationLevel } from "./writer/837p/validate.js";
export * from "./writer/837p/writer.js";
