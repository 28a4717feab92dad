/** Who an encounter is billed to. */
export const billToParties = ["employer", "insurance", "client"] as const;
export type BillToParty = (typeof billToParties)[number];

/**
 * The encounter's own bill-to wins over its client's case; a client with neither is billed as it pays (insurance
 * or self pay).
 */
export const decideBillTo = (input: {
  encounter: BillToParty | null;
  clientCase: BillToParty | null;
  paysBy: "insurance" | "self_pay";
}): BillToParty =>
  input.encounter ?? input.clientCase ?? (input.paysBy === "insurance" ? "insurance" : "client");
