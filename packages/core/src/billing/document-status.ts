import type { TransitionTable } from "../state/state-machine";

/** Client billing documents: bills (invoices), superbills and statements, each a stored PDF. */
export const documentKinds = ["invoice", "superbill", "statement"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentStatuses = ["issued", "void"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/**
 * A document is immutable once issued: a correction issues a new version that names the one it replaces, and the
 * replaced one stays issued (it is what the client was sent). Void withdraws it; a voided document is never shared.
 */
export const documentTransitions: TransitionTable<DocumentStatus> = {
  issued: ["void"],
  void: [],
};

export const documentKindLabel: Record<DocumentKind, string> = {
  invoice: "Bill",
  superbill: "Superbill",
  statement: "Statement",
};
