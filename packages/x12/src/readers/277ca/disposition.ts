import type { Disposition277, StatusCode277 } from "./types.js";

/** Reads a claim status category code as a disposition. */
export function categoryDisposition(category: string): Disposition277 {
  switch (category) {
    case "A0":
    case "A1":
    case "A2":
    case "A5":
      return "accepted";
    case "A3":
    case "A6":
    case "A7":
    case "A8":
      return "rejected";
    case "A4":
    case "D0":
      return "notFound";
  }
  switch (category.charAt(0)) {
    case "P":
      return "pending";
    case "F":
      return "finalized";
    case "R":
      return "requestForInformation";
    case "E":
      return "error";
    default:
      return "unknown";
  }
}

const SEVERITY: Disposition277[] = [
  "unknown",
  "accepted",
  "finalized",
  "pending",
  "requestForInformation",
  "notFound",
  "error",
  "rejected",
];

/** The most severe disposition of a list (a rejection anywhere makes the claim rejected). */
export function worstDisposition(codes: Iterable<StatusCode277 | Disposition277>): Disposition277 {
  let worst: Disposition277 = "unknown";
  for (const c of codes) {
    const d = typeof c === "string" ? c : categoryDisposition(c.category.code);
    if (SEVERITY.indexOf(d) > SEVERITY.indexOf(worst)) worst = d;
  }
  return worst;
}
