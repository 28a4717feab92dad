import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, "0")}`;
}

const PROCEDURES = ["99213", "99214", "36415", "80053", "85025", "93000", "97110", "90834"];

/** One balanced claim (2100) with 1-4 service lines (2110), as 835 segments. */
function claimSegments(i: number, rnd: () => number): { segments: string[]; paid: number } {
  const lines = 1 + Math.floor(rnd() * 4);
  const services: string[] = [];
  let charge = 0;
  let paid = 0;
  let patient = 0;
  for (let l = 0; l < lines; l++) {
    const c = 2500 + Math.floor(rnd() * 30000);
    const co = Math.floor(c * 0.3);
    const pr = rnd() < 0.4 ? Math.floor(c * 0.1) : 0;
    const p = c - co - pr;
    charge += c;
    paid += p;
    patient += pr;
    const code = PROCEDURES[Math.floor(rnd() * PROCEDURES.length)] as string;
    services.push(`SVC*HC:${code}${rnd() < 0.2 ? ":25" : ""}*${money(c)}*${money(p)}**1`, "DTM*472*20260105");
    services.push(`CAS*CO*45*${money(co)}`);
    if (pr > 0) services.push(`CAS*PR*2*${money(pr)}`);
    services.push(`REF*6R*L${i}-${l + 1}`, `AMT*B6*${money(c - co)}`);
    if (rnd() < 0.15) services.push("LQ*HE*N130");
  }
  const segments = [
    `CLP*PCN${i}*1*${money(charge)}*${money(paid)}*${money(patient)}*12*ICN${100000000 + i}*11*1`,
    `NM1*QC*1*PATIENT${i % 997}*FIRST${i % 13}****MI*MBR${i}`,
    "NM1*82*1*RENDERING*DOC****XX*1234567893",
    "DTM*232*20260105",
    "DTM*233*20260105",
    ...services,
  ];
  return { segments, paid };
}

/**
 * Writes a balanced 005010X221A1 835 of about `targetBytes` to `path`: one interchange, one check,
 * as many claims as fit. Returns the number of claims and segments.
 */
export async function generate835(
  path: string,
  targetBytes: number,
  seed = 835,
): Promise<{ claims: number; bytes: number }> {
  const rnd = random(seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let segments = 0;
  let buffer = "";
  const write = async (segs: string[]) => {
    for (const s of segs) {
      buffer += `${s}~\n`;
      segments++;
    }
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  };
  // Header first, with a placeholder BPR amount of fixed width patched in at the end.
  const header = [
    "ISA*00*          *00*          *ZZ*PAYERID        *ZZ*PROVIDERID     *260106*1200*^*00501*000000001*0*P*:",
    "GS*HP*PAYERID*PROVIDERID*20260106*1200*1*X*005010X221A1",
    "ST*835*0001",
  ];
  await write(header);
  segments = 1;
  let paid = 0;
  let claims = 0;
  // BPR02 comes first but is the sum of all payments: a dry run of the same random sequence
  // computes it (and the claim count) before writing.
  const dry = random(seed);
  let estimate = 0;
  let dryBytes = 600;
  const perClaim: number[] = [];
  while (dryBytes < targetBytes) {
    const c = claimSegments(perClaim.length, dry);
    perClaim.push(c.paid);
    estimate += c.paid;
    dryBytes += c.segments.reduce((s, x) => s + x.length + 2, 0) + (perClaim.length % 50 === 1 ? 10 : 0);
  }
  await write([
    `BPR*I*${money(estimate)}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20260106`,
    "TRN*1*EFT0000001*1512345678",
    "REF*EV*PROVIDERID",
    "DTM*405*20260106",
    "N1*PR*ACME HEALTH PLAN*XV*ACME01",
    "N3*1 MAIN ST",
    "N4*SPRINGFIELD*IL*627010001",
    "PER*BL*EDI*TE*8005551212",
    "N1*PE*NORTHSIDE FAMILY MEDICINE*XX*1234567893",
    "REF*TJ*371234567",
  ]);
  for (let i = 0; i < perClaim.length; i++) {
    if (i % 50 === 0) await write([`LX*${i / 50 + 1}`]);
    const c = claimSegments(i, rnd);
    paid += c.paid;
    claims++;
    await write(c.segments);
  }
  await write([`SE*${segments + 1}*0001`, "GE*1*1", "IEA*1*000000001"]);
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, "finish");
  if (paid !== estimate) throw new Error("generator: payment total mismatch");
  return { claims, bytes };
}
