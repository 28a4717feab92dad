/** The payee of an 835 (loop 1000B) as the reader gives it: N1*PE with its id, and its REF segments. */
export type EraPayee = {
  name: string;
  idQualifier?: string | undefined;
  id?: string | undefined;
  references: ReadonlyArray<{ qualifier: string; value: string }>;
};

/** Who the practice is to a payer: its billing NPI, its providers' NPIs, its tax id. */
export type PracticeIdentity = { billingNpi: string; providerNpis: readonly string[]; taxId: string };

export type PayeeDecision =
  | { ours: true }
  | {
      ours: false;
      /** What the payee was identified by, as the file says it (for the biller and the reject message). */
      identifiedBy: string;
      reason: string;
    };

const digits = (v: string) => v.replace(/\D/g, "");

/**
 * Whether an 835 pays this practice. N1*PE names the payee by NPI (XX), tax id (FI) or another id (XV, a payer's
 * own number), and REF*TJ may add the tax id: the remittance is ours when any NPI or tax id it gives is the
 * practice's (its billing NPI or one of its providers', who may be paid as individuals). A payee named only by an
 * id we cannot compare (XV and no REF*TJ) is not refused: nothing says it is someone else.
 */
export const decidePayeeIsPractice = (payee: EraPayee, practice: PracticeIdentity): PayeeDecision => {
  const npis: string[] = [];
  const taxIds: string[] = [];
  if (payee.id) {
    if (payee.idQualifier === "XX") npis.push(payee.id.trim());
    if (payee.idQualifier === "FI") taxIds.push(digits(payee.id));
  }
  for (const r of payee.references) if (r.qualifier === "TJ") taxIds.push(digits(r.value));
  if (npis.length === 0 && taxIds.length === 0) return { ours: true };
  const ourNpis = new Set([practice.billingNpi, ...practice.providerNpis]);
  const ourTaxId = digits(practice.taxId);
  if (npis.some((n) => ourNpis.has(n)) || taxIds.some((t) => t === ourTaxId)) return { ours: true };
  const identifiedBy = [
    ...npis.map((n) => `NPI ${n}`),
    ...taxIds.map((t) => `tax id ${t.length === 9 ? `${t.slice(0, 2)}-${t.slice(2)}` : t}`),
  ].join(" and ");
  return {
    ours: false,
    identifiedBy,
    reason: `This remittance pays ${payee.name || "another payee"} (${identifiedBy}), not this practice: neither its NPI nor its tax id is the practice's. Nothing was posted; send it back to the payer or the clearinghouse.`,
  };
};
