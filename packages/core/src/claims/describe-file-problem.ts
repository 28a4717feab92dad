/** What is wrong with a clearinghouse file, in a biller's words, with what to do; the parser's code goes beside it. */
const fileProblems: Record<string, string> = {
  FILE_NOT_TEXT:
    "The file is not a text X12 file (it holds binary bytes). Ask the clearinghouse to send it again.",
  FILE_TOO_LARGE: "The file is larger than billcycle accepts (50 MB). Ask the payer to split it.",
  TOO_MANY_CLAIMS: "The file holds more claims than one file may (1,000,000). Ask the payer to split it.",
  PAYEE_NOT_PRACTICE:
    "The remittance pays another provider (its payee NPI or tax id is not this practice's). Nothing was posted; send it back to the clearinghouse.",
  VALIDATION_FAILED: "The file is not a 999, 277CA or 835, the kinds billcycle reads.",
  NO_ISA:
    "The file does not start like an X12 file (no ISA header). It may be a report or a PDF saved with the wrong name.",
  BAD_ISA_LENGTH: "The file's X12 header (ISA) is damaged. Ask the clearinghouse to send it again.",
  BAD_DELIMITERS: "The file's X12 separators are damaged. Ask the clearinghouse to send it again.",
  NO_DELIMITERS: "The file's X12 separators are missing. Ask the clearinghouse to send it again.",
  BAD_SEGMENT_ID: "A line of the file is not an X12 segment. The file is damaged; ask for it again.",
  SEGMENT_TOO_LONG: "A line of the file is far too long for X12. The file is damaged; ask for it again.",
  BAD_ENCODING: "The file's characters cannot be read. Ask the clearinghouse to send it again.",
  ENVELOPE_MISMATCH:
    "The file's envelope does not close the way it opens: it may be cut short or two files joined.",
  CONTROL_NUMBER_MISMATCH:
    "The file's control numbers do not match at its start and end: it may be cut short.",
  SEGMENT_COUNT_MISMATCH: "The file's segment count is wrong: part of it may be missing.",
  TRANSACTION_COUNT_MISMATCH: "The file's transaction count is wrong: part of it may be missing.",
  GROUP_COUNT_MISMATCH: "The file's group count is wrong: part of it may be missing.",
  UNEXPECTED_SEGMENT: "The file has a segment where the X12 guide allows none. Ask the payer to correct it.",
  MISSING_SEGMENT: "The file lacks a segment the X12 guide requires. Ask the payer to correct it.",
  BAD_ELEMENT: "A value in the file is not what the X12 guide allows. Ask the payer to correct it.",
  TRUNCATED: "The file ends in the middle: it was cut short. Download it again.",
  UNSUPPORTED_TRANSACTION: "The file is a kind of X12 billcycle does not read.",
  UNSUPPORTED_VERSION:
    "The file is in an X12 version billcycle does not read (835 files must be 005010X221A1).",
  INVALID_MODEL: "The file cannot be read as the X12 guide describes it. Ask the payer to correct it.",
};

/** A file problem for a person: the sentence and the code it came from (shown beside it). */
export const describeFileProblem = (
  code: string | null,
  detail: string | null,
): { text: string; code: string | null } => {
  const known = code ? fileProblems[code] : undefined;
  if (known) return { text: known, code };
  return { text: detail ?? "The file could not be read.", code };
};
