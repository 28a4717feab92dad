import { X12Error } from "../../errors.js";
import type {
  Batch837P,
  BillingProvider,
  Claim837P,
  InterchangeInfo,
  Patient,
  Payer,
  RawSegment,
  ServiceLine837P,
  Subscriber,
  Transaction837P,
  TransactionHeader837P,
} from "../../model/837p.js";
import { DEFAULT_DELIMITERS, type Delimiters, validateDelimiters } from "../../tokenizer/delimiters.js";
import { isoToX12Date } from "../../values/dates.js";
import { type ControlNumberSource, nextControlNumber } from "./control.js";
import { locatorAt, type ValueLocator } from "./locate.js";
import { applyPreserved, type CharacterSet, SegmentRenderer } from "./raw.js";
import { sameValue } from "./same.js";
import {
  amt,
  bht,
  clm,
  dmg,
  dtp,
  hi,
  hl,
  lx,
  n3,
  n4,
  nm1,
  nte,
  pat,
  per,
  prv,
  ref,
  sbr,
  serviceDate,
  sv1,
} from "./segments.js";
import { defaultSplitSuffix, type SplitSuffix, splitClaim } from "./split.js";
import { type ValidationLevel, validateBatch, validateClaim, validateHeader } from "./validate.js";

/** Options of {@link write837P} and {@link generate837P}; only `controlNumbers` is required. */
export type Write837POptions = {
  /** Supplies ISA13, GS06 and each ST02, synchronously (a Promise is refused). */
  controlNumbers: ControlNumberSource;
  /** Default `*`, `:`, `^`, `~`. */
  delimiters?: Delimiters;
  /** Newline after each segment terminator (easier to read; some payers refuse it). Default false. */
  lineBreaks?: boolean;
  /**
   * Characters values may hold; see {@link CharacterSet}. Default `"ascii"`: a value with a character outside
   * printable ASCII (an accented name, say) is refused with its field's path rather than written as bytes the
   * receiver may reject or misread.
   */
  characterSet?: CharacterSet;
  /** Default `"strict"`; see {@link ValidationLevel}. */
  validation?: ValidationLevel;
  /** Claims per billing-provider HL (2000A) before a new one starts. Default 100. */
  maxClaimsPerBillingProvider?: number;
  /** Lines per claim before the claim is split. Default 50 (the guide's limit). */
  maxLinesPerClaim?: number;
  /** Claims per transaction set (ST/SE) before a new one starts. Default 5000 (the guide's recommendation). */
  maxClaimsPerTransaction?: number;
  /** Patient control number of each part of a split claim. Default `PCN-1`, `PCN-2`, … */
  splitSuffix?: SplitSuffix;
  /** Clock for default ISA/GS dates and times. */
  now?: () => Date;
};

const IMPLEMENTATION = "005010X222A1";

/** The numeric limits of {@link Write837POptions}: positive whole numbers (0 or NaN would lose claims). */
const LIMITS = ["maxClaimsPerBillingProvider", "maxLinesPerClaim", "maxClaimsPerTransaction"] as const;

/** Refuses options the writer cannot work with, before anything is written. */
function checkOptions(options: Write837POptions): void {
  for (const name of LIMITS) {
    const value = options[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
      throw new X12Error("INVALID_MODEL", `${name} must be a positive whole number`, {
        path: `options.${name}`,
        expected: "an integer >= 1",
        found: String(value),
      });
    }
  }
  const characterSet: unknown = options.characterSet;
  if (characterSet !== undefined && characterSet !== "ascii" && characterSet !== "utf8") {
    throw new X12Error("INVALID_MODEL", 'characterSet must be "ascii" or "utf8"', {
      path: "options.characterSet",
      expected: '"ascii" or "utf8"',
      found: String(characterSet),
    });
  }
  if (options.splitSuffix !== undefined && typeof options.splitSuffix !== "function") {
    throw new X12Error("INVALID_MODEL", "splitSuffix must be a function", {
      path: "options.splitSuffix",
      expected: "(patientControlNumber, part, parts) => string",
      found: typeof options.splitSuffix,
    });
  }
}

function pad(value: string, width: number): string {
  return value.length >= width ? value : value + " ".repeat(width - value.length);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isaSegment(
  i: InterchangeInfo,
  control: string,
  delimiters: Delimiters,
  date: string,
  time: string,
): string[] {
  const fixed: Array<[string, string, number]> = [
    ["ISA01", i.authorizationQualifier ?? "00", 2],
    ["ISA02", i.authorizationInfo ?? "", 10],
    ["ISA03", i.securityQualifier ?? "00", 2],
    ["ISA04", i.securityInfo ?? "", 10],
    ["ISA05", i.senderQualifier, 2],
    ["ISA06", i.senderId, 15],
    ["ISA07", i.receiverQualifier, 2],
    ["ISA08", i.receiverId, 15],
  ];
  for (const [name, value, width] of fixed) {
    if (value.length > width) {
      throw new X12Error("INVALID_MODEL", `${name} is longer than its fixed width`, {
        path: `interchange`,
        expected: `at most ${width} characters`,
        found: value,
      });
    }
  }
  return [
    "ISA",
    ...fixed.map(([, value, width]) => pad(value, width)),
    date.slice(2),
    time,
    delimiters.repetition ?? "U",
    "00501",
    control,
    i.acknowledgmentRequested ? "1" : "0",
    i.usage,
    delimiters.component,
  ];
}

type HlState = {
  n: number;
  provider?: { id: number; value: BillingProvider; claims: number };
  subscriber?: { id: number; value: Subscriber; payer: Payer; self: boolean };
  patient?: { id: number; value: Patient };
};

function sameProvider(a: BillingProvider, b: BillingProvider): boolean {
  return a === b || sameValue(a, b);
}

/** Whether the claim's rendering provider is just the billing provider again (then 2310B is left out). */
function renderingIsBilling(claim: Claim837P): boolean {
  const r = claim.renderingProvider;
  if (r === undefined) return true;
  const b = claim.billingProvider;
  return (
    sameValue(r.name, b.name) &&
    (r.taxonomy === undefined || r.taxonomy === b.taxonomy) &&
    (r.secondaryIds ?? []).length === 0
  );
}

/**
 * Streams an 837P (005010X222A1) batch as text chunks. HL numbering, LX numbering, CLM02 totals,
 * SE/GE/IEA counts are computed; control numbers come from `options.controlNumbers`.
 */
export function* generate837P(batch: Batch837P, options: Write837POptions): Generator<string> {
  validateBatch(batch);
  checkOptions(options);
  const delimiters = validateDelimiters(
    { ...(options.delimiters ?? DEFAULT_DELIMITERS) },
    "options.delimiters",
  );
  const renderer = new SegmentRenderer(
    delimiters,
    options.lineBreaks ?? false,
    options.characterSet ?? "ascii",
  );
  const level = options.validation ?? "strict";
  const maxPerProvider = options.maxClaimsPerBillingProvider ?? 100;
  const maxLines = options.maxLinesPerClaim ?? 50;
  const maxPerTransaction = options.maxClaimsPerTransaction ?? 5000;
  const suffix = options.splitSuffix ?? defaultSplitSuffix;
  const now = options.now?.() ?? new Date();
  const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const nowTime = `${two(now.getHours())}${two(now.getMinutes())}`;

  const interchange = batch.interchange;
  const isaDate = interchange.date ?? today;
  if (isoToX12Date(isaDate) === undefined) {
    throw new X12Error("INVALID_MODEL", "interchange date is not a valid ISO date", {
      path: "interchange.date",
      found: isaDate,
    });
  }
  const isaTime = interchange.time ?? nowTime;
  if (!/^\d{4}$/.test(isaTime)) {
    throw new X12Error("INVALID_MODEL", "ISA10 time must be HHMM", {
      path: "interchange.time",
      found: isaTime,
    });
  }
  const isaControl = nextControlNumber(options.controlNumbers, "interchange");
  yield renderer.renderIsa(
    isaSegment(interchange, isaControl, delimiters, isoToX12Date(isaDate) as string, isaTime),
    locatorAt("interchange", interchange),
  );

  const group = batch.group;
  const version = group.version ?? IMPLEMENTATION;
  const gsDate = isoToX12Date(group.date ?? isaDate);
  if (gsDate === undefined)
    throw new X12Error("INVALID_MODEL", "group date is not a valid ISO date", {
      path: "group.date",
      found: group.date,
    });
  const gsControl = nextControlNumber(options.controlNumbers, "group");
  yield renderer.render(
    [
      "GS",
      "HC",
      group.senderCode,
      group.receiverCode,
      gsDate,
      group.time ?? isaTime,
      gsControl,
      "X",
      version,
    ],
    true,
    locatorAt("group", group),
  );

  let transactionSets = 0;
  for (const [t, transaction] of batch.transactions.entries()) {
    validateHeader(transaction.header, `transactions[${t}].header`, level);
    for (const chunk of transactionSetsOf(transaction, t, maxLines, suffix, maxPerTransaction, level)) {
      transactionSets++;
      yield* writeTransactionSet(chunk, {
        renderer,
        version,
        control: nextControlNumber(options.controlNumbers, "transaction"),
        maxPerProvider,
      });
    }
  }
  yield renderer.render(["GE", String(transactionSets), gsControl], true);
  yield renderer.render(["IEA", "1", isaControl], true);
}

/** A claim as written (a whole claim or one part of a split one) and the claim it comes from. */
type PlacedClaim = {
  claim: Claim837P;
  /** The claim as given, whose line indexes the error paths use. */
  source: Claim837P;
  /** Where the given claim is in the batch, e.g. `transactions[0].claims[3]`. */
  path: string;
};

/** One transaction set to write: a part of a transaction's claims. */
type SetChunk = { header: TransactionHeader837P; headerPath: string; claims: PlacedClaim[]; part: number };

/** Validates and splits claims, then cuts them into transaction sets of at most `max` claims. */
function* transactionSetsOf(
  transaction: Transaction837P,
  t: number,
  maxLines: number,
  suffix: SplitSuffix,
  max: number,
  level: ValidationLevel,
): Generator<SetChunk> {
  const header = transaction.header;
  const headerPath = `transactions[${t}].header`;
  let current: PlacedClaim[] = [];
  let part = 0;
  const maxPcn = level === "strict" ? 20 : 38;
  for (const [c, claim] of transaction.claims.entries()) {
    const path = `transactions[${t}].claims[${c}]`;
    validateClaim(claim, path, level);
    for (const piece of splitClaim(claim, maxLines, suffix, maxPcn, path)) {
      current.push({ claim: piece, source: claim, path });
      if (current.length === max) {
        yield { header, headerPath, claims: current, part: part++ };
        current = [];
      }
    }
  }
  // validateBatch refused a transaction without claims: every set written has at least one.
  if (current.length > 0) yield { header, headerPath, claims: current, part };
}

type SetContext = { renderer: SegmentRenderer; version: string; control: string; maxPerProvider: number };

/** Claim properties written in their own loops, not from the claim's 2300 segments. */
const CLAIM_LOOPS: ReadonlySet<string> = new Set([
  "billingProvider",
  "subscriber",
  "payer",
  "patient",
  "lines",
]);

/** Locates a refused value of a service line, by its index in the claim as given. */
function lineLocator(placed: PlacedClaim, line: ServiceLine837P): ValueLocator {
  return (value, delimiter) =>
    locatorAt(`${placed.path}.lines[${placed.source.lines.indexOf(line)}]`, line)(value, delimiter);
}

function* writeTransactionSet(chunk: SetChunk, ctx: SetContext): Generator<string> {
  const { renderer } = ctx;
  let count = 0;
  const raw = new Set<RawSegment>();
  const emit = (segments: RawSegment[], locate: ValueLocator): string => {
    let text = "";
    for (const seg of segments) {
      text += renderer.render(seg, !raw.has(seg), locate);
      count++;
    }
    return text;
  };
  const { header, part } = chunk;
  const atHeader = locatorAt(chunk.headerPath, header);
  // A transaction cut in parts keeps the batch id unique per part.
  const headerForPart = part === 0 ? header : { ...header, referenceId: `${header.referenceId}-${part + 1}` };
  yield emit([["ST", "837", ctx.control, header.implementationReference ?? ctx.version]], atHeader);
  const headerSegments: RawSegment[] = [
    bht(headerForPart),
    nm1("41", header.submitter.name),
    ...header.submitter.contacts.map(per),
    nm1("40", header.receiver.name),
  ];
  yield emit(applyPreserved(headerSegments, header, raw), atHeader);

  const hls: HlState = { n: 0 };
  for (const placed of chunk.claims) {
    const { claim, path } = placed;
    const atClaim = locatorAt(path, claim, CLAIM_LOOPS);
    let text = "";
    const bp = claim.billingProvider;
    if (
      hls.provider === undefined ||
      !sameProvider(hls.provider.value, bp) ||
      hls.provider.claims >= ctx.maxPerProvider
    ) {
      const id = ++hls.n;
      hls.provider = { id, value: bp, claims: 0 };
      hls.subscriber = undefined;
      hls.patient = undefined;
      text += emit([hl(id, undefined, "20", true)], atClaim);
      text += emit(billingProviderSegments(bp, raw), locatorAt(`${path}.billingProvider`, bp));
    }
    const self = claim.patient === undefined;
    const sub = hls.subscriber;
    if (
      sub === undefined ||
      sub.self !== self ||
      !(sub.value === claim.subscriber || sameValue(sub.value, claim.subscriber)) ||
      !(sub.payer === claim.payer || sameValue(sub.payer, claim.payer))
    ) {
      const id = ++hls.n;
      hls.subscriber = { id, value: claim.subscriber, payer: claim.payer, self };
      hls.patient = undefined;
      text += emit([hl(id, hls.provider.id, "22", !self)], atClaim);
      text += emit(
        applyPreserved(subscriberSegments(claim.subscriber, self), claim.subscriber, raw),
        locatorAt(`${path}.subscriber`, claim.subscriber),
      );
      text += emit(
        applyPreserved(payerSegments(claim.payer), claim.payer, raw),
        locatorAt(`${path}.payer`, claim.payer),
      );
    }
    const patient = claim.patient;
    if (
      patient !== undefined &&
      (hls.patient === undefined || !(hls.patient.value === patient || sameValue(hls.patient.value, patient)))
    ) {
      const id = ++hls.n;
      hls.patient = { id, value: patient };
      text += emit([hl(id, hls.subscriber?.id, "23", false)], atClaim);
      text += emit(
        applyPreserved(patientSegments(patient), patient, raw),
        locatorAt(`${path}.patient`, patient),
      );
    }
    hls.provider.claims++;
    text += emit(applyPreserved(claimSegments(claim), claim, raw), atClaim);
    claim.lines.forEach((line, i) => {
      text += emit(applyPreserved(lineSegments(line, i + 1), line, raw), lineLocator(placed, line));
    });
    yield text;
  }
  yield renderer.render(["SE", String(count + 1), ctx.control], true);
}

function billingProviderSegments(bp: BillingProvider, raw: Set<RawSegment>): RawSegment[] {
  const segs: RawSegment[] = [];
  if (bp.taxonomy !== undefined) segs.push(prv("BI", bp.taxonomy));
  segs.push(nm1("85", bp.name), n3(bp.address), n4(bp.address), ref(bp.taxId));
  for (const r of bp.secondaryIds ?? []) segs.push(ref(r));
  for (const c of bp.contacts ?? []) segs.push(per(c));
  const payTo = bp.payTo;
  if (payTo !== undefined && !sameValue(payTo.address, bp.address)) {
    segs.push(
      nm1("87", { entityType: payTo.entityType, lastName: "" }),
      n3(payTo.address),
      n4(payTo.address),
    );
  }
  return applyPreserved(segs, bp, raw);
}

function subscriberSegments(s: Subscriber, self: boolean): RawSegment[] {
  const segs: RawSegment[] = [sbr(s, self), nm1("IL", s.name)];
  if (s.address) segs.push(n3(s.address), n4(s.address));
  if (s.demographics) segs.push(dmg(s.demographics));
  for (const r of s.secondaryIds ?? []) segs.push(ref(r));
  return segs;
}

function payerSegments(p: Payer): RawSegment[] {
  const segs: RawSegment[] = [nm1("PR", p.name)];
  if (p.address) segs.push(n3(p.address), n4(p.address));
  for (const r of p.secondaryIds ?? []) segs.push(ref(r));
  return segs;
}

function patientSegments(p: Patient): RawSegment[] {
  const segs: RawSegment[] = [pat(p), nm1("QC", p.name), n3(p.address), n4(p.address), dmg(p.demographics)];
  for (const r of p.secondaryIds ?? []) segs.push(ref(r));
  return segs;
}

function claimSegments(c: Claim837P): RawSegment[] {
  const total = c.totalChargeCents ?? c.lines.reduce((sum, l) => sum + l.chargeCents, 0);
  const segs: RawSegment[] = [clm(c, total)];
  for (const d of c.dates ?? []) segs.push(dtp(d));
  if (c.patientPaidCents !== undefined) segs.push(amt("F5", c.patientPaidCents));
  // REF order of the guide: 9F, G1, F8, D9, EA.
  if (c.referralNumber !== undefined) segs.push(ref({ qualifier: "9F", value: c.referralNumber }));
  if (c.priorAuthorization !== undefined) segs.push(ref({ qualifier: "G1", value: c.priorAuthorization }));
  if (c.payerClaimControlNumber !== undefined)
    segs.push(ref({ qualifier: "F8", value: c.payerClaimControlNumber }));
  if (c.clearinghouseTraceNumber !== undefined)
    segs.push(ref({ qualifier: "D9", value: c.clearinghouseTraceNumber }));
  if (c.medicalRecordNumber !== undefined) segs.push(ref({ qualifier: "EA", value: c.medicalRecordNumber }));
  if (c.note !== undefined) segs.push(nte(c.note));
  if (c.diagnosisCodes.length > 0) segs.push(hi(c.diagnosisCodes, c.diagnosisCodeSet));
  const referring = c.referringProvider;
  if (referring) {
    segs.push(nm1("DN", referring.name));
    for (const r of referring.secondaryIds ?? []) segs.push(ref(r));
  }
  const rendering = c.renderingProvider;
  if (rendering && !renderingIsBilling(c)) {
    segs.push(nm1("82", rendering.name));
    if (rendering.taxonomy !== undefined) segs.push(prv("PE", rendering.taxonomy));
    for (const r of rendering.secondaryIds ?? []) segs.push(ref(r));
  }
  const facility = c.serviceFacility;
  if (facility) {
    segs.push(nm1("77", facility.name), n3(facility.address), n4(facility.address));
    for (const r of facility.secondaryIds ?? []) segs.push(ref(r));
  }
  return segs;
}

function lineSegments(l: ServiceLine837P, n: number): RawSegment[] {
  const segs: RawSegment[] = [lx(n), sv1(l), serviceDate(l)];
  if (l.lineControlNumber !== undefined) segs.push(ref({ qualifier: "6R", value: l.lineControlNumber }));
  if (l.note !== undefined) segs.push(nte(l.note));
  const rendering = l.renderingProvider;
  if (rendering) {
    segs.push(nm1("82", rendering.name));
    if (rendering.taxonomy !== undefined) segs.push(prv("PE", rendering.taxonomy));
    for (const r of rendering.secondaryIds ?? []) segs.push(ref(r));
  }
  return segs;
}

/**
 * Writes an 837P batch to a string. Claims are grouped under billing-provider (2000A), subscriber
 * (2000B) and patient (2000C) HLs in the order given; a claim with more than 50 lines is split; more
 * than 100 claims for one billing provider start a new 2000A.
 *
 * @example
 * const text = write837P(
 *   { interchange, group, transactions: [{ header, claims }] },
 *   { controlNumbers: (kind) => db.nextControlNumber(kind) },
 * );
 */
export function write837P(batch: Batch837P, options: Write837POptions): string {
  let text = "";
  for (const chunk of generate837P(batch, options)) text += chunk;
  return text;
}

/** Claims as the writer will write them: validated and split, in order (for previews and tests). */
export function expandClaims(
  claims: Claim837P[],
  options: Pick<Write837POptions, "maxLinesPerClaim" | "splitSuffix" | "validation"> = {},
): Claim837P[] {
  const level = options.validation ?? "strict";
  return claims.flatMap((claim, i) => {
    validateClaim(claim, `claims[${i}]`, level);
    return splitClaim(
      claim,
      options.maxLinesPerClaim ?? 50,
      options.splitSuffix ?? defaultSplitSuffix,
      level === "strict" ? 20 : 38,
      `claims[${i}]`,
    );
  });
}
