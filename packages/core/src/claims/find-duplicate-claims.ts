/** A claim line as the duplicate edit compares it. */
export type DuplicateLine = {
  claimId: string;
  patientControlNumber: string;
  clientId: string;
  invoiceId: string;
  /** When the line's claim was created (ms since the epoch): only earlier or same-time claims are duplicated. */
  claimCreatedAt: number;
  invoiceLineId: string;
  code: string;
  dateOfService: string;
};

export type DuplicateOf = { patientControlNumber: string; dateOfService: string; code: string };

const keyOf = (l: DuplicateLine) => `${l.clientId}|${l.code}|${l.dateOfService}`;

/**
 * The pairs the duplicate edit looks at, before providers are compared: a line being scrubbed and a live line of
 * another claim, on another invoice, created no later, for the same client, procedure and date of service. `live`
 * holds the lines of the clients' live claims (neither void nor a replacement), the scrubbed ones among them.
 */
export const duplicateCandidates = (
  mine: readonly DuplicateLine[],
  live: readonly DuplicateLine[],
): Array<{ mine: DuplicateLine; other: DuplicateLine }> => {
  const byKey = new Map<string, DuplicateLine[]>();
  for (const l of live) {
    const key = keyOf(l);
    const list = byKey.get(key);
    if (list) list.push(l);
    else byKey.set(key, [l]);
  }
  const pairs: Array<{ mine: DuplicateLine; other: DuplicateLine }> = [];
  for (const m of mine) {
    for (const o of byKey.get(keyOf(m)) ?? []) {
      if (o.claimId !== m.claimId && o.invoiceId !== m.invoiceId && o.claimCreatedAt <= m.claimCreatedAt) {
        pairs.push({ mine: m, other: o });
      }
    }
  }
  return pairs;
};

/**
 * Earlier live claims that look like duplicates of each scrubbed claim (same client, provider, procedure and date
 * of service), by claim id: each once, in patient-control-number, date and code order. `providerOf` maps an
 * invoice line to its session's provider; a line without one duplicates nothing.
 */
export const findDuplicateClaims = (
  candidates: ReadonlyArray<{ mine: DuplicateLine; other: DuplicateLine }>,
  providerOf: ReadonlyMap<string, string>,
): Map<string, DuplicateOf[]> => {
  const byClaim = new Map<string, Map<string, DuplicateOf>>();
  for (const { mine, other } of candidates) {
    const provider = providerOf.get(mine.invoiceLineId);
    if (provider === undefined || providerOf.get(other.invoiceLineId) !== provider) continue;
    const found = byClaim.get(mine.claimId) ?? new Map<string, DuplicateOf>();
    found.set(`${other.patientControlNumber}|${mine.dateOfService}|${mine.code}`, {
      patientControlNumber: other.patientControlNumber,
      dateOfService: mine.dateOfService,
      code: mine.code,
    });
    byClaim.set(mine.claimId, found);
  }
  const compare = (a: DuplicateOf, b: DuplicateOf) =>
    a.patientControlNumber < b.patientControlNumber
      ? -1
      : a.patientControlNumber > b.patientControlNumber
        ? 1
        : a.dateOfService.localeCompare(b.dateOfService) || a.code.localeCompare(b.code);
  return new Map([...byClaim].map(([claimId, found]) => [claimId, [...found.values()].sort(compare)]));
};
