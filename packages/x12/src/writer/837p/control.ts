import { X12Error } from "../../errors.js";
import { foundText } from "./validate.js";

/** Which control number the writer asks for: ISA13, GS06 or ST02. */
export type ControlNumberKind = "interchange" | "group" | "transaction";

/**
 * The caller's control-number sequence: a function, or an object with `next`. Numbers are
 * formatted (ISA13 zero-padded to 9 digits, ST02 to at least 4); strings are used as given after
 * validation. Typically backed by a database sequence so numbers never repeat. It must answer
 * synchronously: allocate the numbers beforehand (e.g. one ISA13, one GS06 and a block of ST02)
 * and hand them out from memory.
 */
export type ControlNumberSource =
  | ((kind: ControlNumberKind) => number | string)
  | { next(kind: ControlNumberKind): number | string };

const RULES: Record<ControlNumberKind, { pattern: RegExp; pad: number; what: string }> = {
  interchange: { pattern: /^\d{9}$/, pad: 9, what: "ISA13 interchange control number (9 digits)" },
  group: { pattern: /^\d{1,9}$/, pad: 1, what: "GS06 group control number (1-9 digits)" },
  transaction: {
    pattern: /^[0-9A-Za-z]{4,9}$/,
    pad: 4,
    what: "ST02 transaction set control number (4-9 characters)",
  },
};

const SOURCE_PATH = "options.controlNumbers";

/** Whether the source answered with a Promise (or another thenable) instead of a number. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}

/** Asks the source for the next number of `kind` and formats/validates it. */
export function nextControlNumber(source: ControlNumberSource, kind: ControlNumberKind): string {
  if (typeof source !== "function" && typeof source?.next !== "function") {
    throw new X12Error("INVALID_MODEL", "controlNumbers must be a function or an object with next()", {
      path: SOURCE_PATH,
      expected: "(kind) => number | string",
      found: foundText(source),
    });
  }
  const raw: unknown = typeof source === "function" ? source(kind) : source.next(kind);
  const rule = RULES[kind];
  if (isThenable(raw)) {
    // The writer never awaits it: mark it handled so a later rejection cannot end the process.
    Promise.resolve(raw).catch(() => undefined);
    throw new X12Error(
      "INVALID_MODEL",
      `control number sequence returned a Promise for the ${kind} number; control numbers must be ` +
        "returned synchronously (numbers or strings): fetch them beforehand, then pass a function that " +
        "hands them out",
      { path: SOURCE_PATH, expected: rule.what, found: "a Promise" },
    );
  }
  let text: string;
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw) || raw < (kind === "interchange" ? 0 : 1)) {
      throw new X12Error("INVALID_MODEL", `control number sequence returned an invalid ${kind} number`, {
        path: SOURCE_PATH,
        expected: rule.what,
        found: String(raw),
      });
    }
    text = String(raw).padStart(rule.pad, "0");
  } else if (typeof raw === "string") {
    text = raw;
  } else {
    throw new X12Error("INVALID_MODEL", `control number sequence returned no ${kind} number`, {
      path: SOURCE_PATH,
      expected: `${rule.what}, as a number or string`,
      found: foundText(raw),
    });
  }
  if (!rule.pattern.test(text)) {
    throw new X12Error("INVALID_MODEL", `control number sequence returned an invalid ${kind} number`, {
      path: SOURCE_PATH,
      expected: rule.what,
      found: text,
    });
  }
  return text;
}

/** A simple in-memory sequence starting at `start` for every kind (handy for tests and one-off files). */
export function counterControlNumbers(start = 1): ControlNumberSource {
  const next: Record<ControlNumberKind, number> = { interchange: start, group: start, transaction: start };
  return (kind) => next[kind]++;
}
