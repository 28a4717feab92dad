import { TRANSACTION } from "./grammar.js";
import { luhnNpi, RULES, validDate, validTime } from "./rules.js";
import { type Placed, placeSegments } from "./structure.js";
import { e, type Seg, tokenize } from "./tokens.js";

/**
 * Independent 005010X222A1 (837P) validator for the test suite. Built from the implementation
 * guide, not from the writer: its own splitter, loop grammar, element rules, HL chain and counts.
 */
export type Issue = { segment: number; id: string; element?: number; message: string };

const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

export function validate837P(text: string): Issue[] {
  const issues: Issue[] = [];
  const add = (s: Seg | undefined, message: string, element?: number) =>
    issues.push({ segment: s?.n ?? -1, id: s?.id ?? "", element, message });
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(text);
  } catch (err) {
    return [{ segment: 0, id: "", message: (err as Error).message }];
  }
  const segs = tokens.segments;
  const isa = segs[0];
  if (isa === undefined || isa.id !== "ISA") return [{ segment: 1, id: "", message: "no ISA" }];
  // Interchange header: fixed widths and values.
  ISA_WIDTHS.forEach((w, i) => {
    if (e(isa, i + 1).length !== w)
      add(isa, `ISA${String(i + 1).padStart(2, "0")} must be ${w} characters`, i + 1);
  });
  if (e(isa, 12) !== "00501") add(isa, "ISA12 must be 00501", 12);
  if (!/^\d{9}$/.test(e(isa, 13))) add(isa, "ISA13 must be 9 digits", 13);
  if (!["0", "1"].includes(e(isa, 14))) add(isa, "ISA14 must be 0 or 1", 14);
  if (!["P", "T"].includes(e(isa, 15))) add(isa, "ISA15 must be P or T", 15);
  if (!/^\d{6}$/.test(e(isa, 9)) || !validDate(`20${e(isa, 9)}`)) add(isa, "ISA09 must be YYMMDD", 9);
  if (!validTime(e(isa, 10)) || e(isa, 10).length !== 4) add(isa, "ISA10 must be HHMM", 10);
  if (text.charAt(82) === tokens.element || /[A-Za-z0-9]/.test(tokens.repetition))
    add(isa, "ISA11 repetition separator", 11);

  let i = 1;
  let groups = 0;
  while (i < segs.length && segs[i]?.id === "GS") {
    const gs = segs[i] as Seg;
    groups++;
    i++;
    if (e(gs, 1) !== "HC") add(gs, "GS01 must be HC", 1);
    if (!validDate(e(gs, 4))) add(gs, "GS04 must be CCYYMMDD", 4);
    if (!validTime(e(gs, 5))) add(gs, "GS05 must be HHMM[SS]", 5);
    if (!/^\d{1,9}$/.test(e(gs, 6))) add(gs, "GS06 must be 1-9 digits", 6);
    if (e(gs, 7) !== "X") add(gs, "GS07 must be X", 7);
    if (e(gs, 8) !== "005010X222A1") add(gs, "GS08 must be 005010X222A1", 8);
    let sets = 0;
    while (i < segs.length && segs[i]?.id === "ST") {
      const st = segs[i] as Seg;
      sets++;
      const start = i;
      while (i < segs.length && segs[i]?.id !== "SE") i++;
      const se = segs[i];
      if (se === undefined) {
        add(st, "ST without SE");
        return issues;
      }
      const body = segs.slice(start + 1, i);
      if (e(st, 1) !== "837") add(st, "ST01 must be 837", 1);
      if (!/^[0-9A-Za-z]{4,9}$/.test(e(st, 2))) add(st, "ST02 must be 4-9 characters", 2);
      if (e(st, 3) !== "005010X222A1") add(st, "ST03 must be 005010X222A1", 3);
      if (e(se, 1) !== String(body.length + 2))
        add(se, `SE01 ${e(se, 1)} must count ${body.length + 2} segments`, 1);
      if (e(se, 2) !== e(st, 2)) add(se, "SE02 must equal ST02", 2);
      transaction(body, tokens.component, add);
      i++;
    }
    const ge = segs[i];
    if (ge?.id !== "GE") {
      add(ge, "GE expected");
      return issues;
    }
    if (e(ge, 1) !== String(sets)) add(ge, `GE01 ${e(ge, 1)} must count ${sets} transaction sets`, 1);
    if (e(ge, 2) !== e(gs, 6)) add(ge, "GE02 must equal GS06", 2);
    i++;
  }
  const iea = segs[i];
  if (iea?.id !== "IEA") add(iea, "IEA expected");
  else {
    if (e(iea, 1) !== String(groups)) add(iea, `IEA01 must count ${groups} groups`, 1);
    if (e(iea, 2) !== e(isa, 13)) add(iea, "IEA02 must equal ISA13", 2);
  }
  if (i + 1 < segs.length) add(segs[i + 1], "segments after IEA");
  return issues;
}

type Add = (s: Seg | undefined, message: string, element?: number) => void;

function transaction(body: Seg[], component: string, add: Add): void {
  const { placed, issues } = placeSegments(TRANSACTION, body);
  for (const issue of issues)
    add(
      body.find((s) => s.n === issue.n),
      issue.message,
    );
  for (const p of placed) {
    for (const check of RULES[p.seg.id] ?? []) {
      check(p, component, (element, message) => add(p.seg, `${message} (loop ${p.loop})`, element));
    }
  }
  hierarchy(placed, add);
  claims(placed, component, add);
}

/** HL01 sequential; HL02 an earlier HL of the parent level; HL04 true exactly when children follow. */
function hierarchy(placed: Placed[], add: Add): void {
  const hls = placed.filter((p) => p.seg.id === "HL").map((p) => p.seg);
  const level = new Map<string, string>();
  const childCount = new Map<string, number>();
  hls.forEach((hl, i) => {
    if (e(hl, 1) !== String(i + 1)) add(hl, `HL01 must be ${i + 1}`, 1);
    const parent = e(hl, 2);
    const code = e(hl, 3);
    const wantParent = code === "20" ? undefined : code === "22" ? "20" : "23" === code ? "22" : "?";
    if (wantParent === undefined) {
      if (parent !== "") add(hl, "HL02 must be empty at level 20", 2);
    } else if (level.get(parent) !== wantParent) {
      add(hl, `HL02 "${parent}" must be an earlier level ${wantParent} HL`, 2);
    } else childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
    level.set(e(hl, 1), code);
  });
  for (const hl of hls) {
    const has = (childCount.get(e(hl, 1)) ?? 0) > 0;
    if (e(hl, 4) !== (has ? "1" : "0")) add(hl, `HL04 must be ${has ? "1" : "0"}`, 4);
  }
  // SBR02 = 18 (self) exactly when the subscriber has no patient level below it.
  placed.forEach((p, i) => {
    if (p.seg.id !== "SBR") return;
    const hl = placed[i - 1]?.seg;
    const hasPatient = hl !== undefined && (childCount.get(e(hl, 1)) ?? 0) > 0;
    if (hasPatient && e(p.seg, 2) === "18") add(p.seg, "SBR02 must be empty when a patient level follows", 2);
    if (!hasPatient && e(p.seg, 2) !== "18")
      add(p.seg, "SBR02 must be 18 when the subscriber is the patient", 2);
  });
}

function claims(placed: Placed[], component: string, add: Add): void {
  let billingNpi = "";
  let claimsUnderProvider = 0;
  let clm: Seg | undefined;
  let frequency = "";
  let hasF8 = false;
  let diagnoses = 0;
  let lineTotal = 0;
  let lineCount = 0;
  let hasServiceDate = true;
  const closeLine = () => {
    if (lineCount > 0 && !hasServiceDate) add(clm, `line ${lineCount} has no DTP*472 service date`);
  };
  const closeClaim = () => {
    closeLine();
    if (clm === undefined) return;
    const total = Math.round(Number(e(clm, 2)) * 100);
    if (total !== lineTotal)
      add(clm, `CLM02 ${e(clm, 2)} must equal the sum of SV102 (${lineTotal / 100})`, 2);
    if ((frequency === "7" || frequency === "8") !== hasF8)
      add(clm, `REF*F8 is ${hasF8 ? "not allowed" : "required"} for frequency ${frequency}`);
    if (lineCount > 50) add(clm, "more than 50 service lines");
    clm = undefined;
  };
  for (const p of placed) {
    const s = p.seg;
    if (s.id === "HL" && e(s, 3) === "20") {
      closeClaim();
      claimsUnderProvider = 0;
    }
    if (s.id === "NM1" && p.loop === "2010AA") billingNpi = e(s, 9);
    if (s.id === "NM1" && p.loop === "2310B" && e(s, 9) === billingNpi) {
      add(s, "2310B rendering provider is only sent when it differs from the billing provider");
    }
    if (s.id === "CLM") {
      closeClaim();
      clm = s;
      claimsUnderProvider++;
      if (claimsUnderProvider > 100) add(s, "more than 100 claims under one billing provider HL");
      frequency = e(s, 5).split(component)[2] ?? "";
      hasF8 = false;
      diagnoses = 0;
      lineTotal = 0;
      lineCount = 0;
      hasServiceDate = true;
    }
    if (s.id === "REF" && p.loop === "2300" && e(s, 1) === "F8") hasF8 = true;
    if (s.id === "HI") diagnoses = s.el.length - 1;
    if (s.id === "LX") {
      closeLine();
      lineCount++;
      hasServiceDate = false;
      if (e(s, 1) !== String(lineCount)) add(s, `LX01 must be ${lineCount}`, 1);
    }
    if (s.id === "DTP" && p.loop === "2400" && e(s, 1) === "472") hasServiceDate = true;
    if (s.id === "SV1") {
      lineTotal += Math.round(Number(e(s, 2)) * 100);
      for (const ptr of e(s, 7).split(component)) {
        if (Number(ptr) > diagnoses)
          add(s, `SV107 pointer ${ptr} points past the ${diagnoses} diagnosis codes`, 7);
      }
    }
    if (s.id === "NM1" && p.loop === "2420A" && !luhnNpi(e(s, 9))) add(s, "2420A NPI invalid", 9);
  }
  closeClaim();
}
