import type { Segment } from "../../tokenizer/segment.js";

/**
 * 005010X222A1 loop structure, after the pyx12 map `837.5010.X222.A1.xml` and the TR3: each loop
 * has a start segment (with a qualifier test), its other segments in guide order (tags in the same
 * group share a position), and child loops ranked by position (same rank = same position).
 */
export type LoopDef = {
  id: string;
  start: string;
  test?: (seg: Segment) => boolean;
  segments: string[][];
  children: Array<{ rank: number; loop: LoopDef }>;
};

const nm1 =
  (...codes: string[]) =>
  (seg: Segment) =>
    codes.includes(seg.element(1));
const hl = (level: string) => (seg: Segment) => seg.element(3) === level;

function loop(
  id: string,
  start: string,
  test: ((seg: Segment) => boolean) | undefined,
  segments: string[][],
  children: Array<[number, LoopDef]> = [],
): LoopDef {
  return { id, start, test, segments, children: children.map(([rank, l]) => ({ rank, loop: l })) };
}

const names = (id: string, codes: string[], segments: string[][]) => loop(id, "NM1", nm1(...codes), segments);

const L2330 = [
  names("2330A", ["IL"], [["N3"], ["N4"], ["REF"]]),
  names("2330B", ["PR"], [["N3"], ["N4"], ["PER"], ["DTP"], ["REF"]]),
  names("2330C", ["DN", "P3"], [["REF"]]),
  names("2330D", ["82"], [["REF"]]),
  names("2330E", ["77"], [["REF"]]),
  names("2330F", ["DQ"], [["REF"]]),
  names("2330G", ["85"], [["REF"]]),
];

const L2400 = loop(
  "2400",
  "LX",
  undefined,
  [
    ["SV1"],
    ["SV5"],
    ["PWK"],
    ["CR1"],
    ["CR3"],
    ["CRC"],
    ["DTP"],
    ["QTY"],
    ["MEA"],
    ["CN1"],
    ["REF"],
    ["AMT"],
    ["K3"],
    ["NTE"],
    ["PS1"],
    ["HCP"],
  ],
  [
    [1, loop("2410", "LIN", undefined, [["CTP"], ["REF"]])],
    [2, names("2420A", ["82"], [["PRV"], ["REF"]])],
    [2, names("2420B", ["QB"], [["REF"]])],
    [2, names("2420C", ["77"], [["N3"], ["N4"], ["REF"]])],
    [2, names("2420D", ["DQ"], [["REF"]])],
    [2, names("2420E", ["DK"], [["N3"], ["N4"], ["REF"], ["PER"]])],
    [2, names("2420F", ["DN", "P3"], [["REF"]])],
    [2, names("2420G", ["PW"], [["N3"], ["N4"]])],
    [2, names("2420H", ["45"], [["N3"], ["N4"]])],
    [3, loop("2430", "SVD", undefined, [["CAS"], ["DTP"], ["AMT"]])],
    [4, loop("2440", "LQ", undefined, [["FRM"]])],
  ],
);

const L2300 = loop(
  "2300",
  "CLM",
  undefined,
  [["DTP"], ["PWK"], ["CN1"], ["AMT"], ["REF"], ["K3"], ["NTE"], ["CR1"], ["CR2"], ["CRC"], ["HI"], ["HCP"]],
  [
    [1, names("2310A", ["DN", "P3"], [["REF"]])],
    [1, names("2310B", ["82"], [["PRV"], ["REF"]])],
    [1, names("2310C", ["77"], [["N3"], ["N4"], ["REF"], ["PER"]])],
    [1, names("2310D", ["DQ"], [["REF"]])],
    [1, names("2310E", ["PW"], [["N3"], ["N4"]])],
    [1, names("2310F", ["45"], [["N3"], ["N4"]])],
    [
      2,
      loop(
        "2320",
        "SBR",
        undefined,
        [["CAS"], ["AMT"], ["OI"], ["MOA"]],
        L2330.map((l) => [1, l]),
      ),
    ],
    [3, L2400],
  ],
);

const L2000C = loop(
  "2000C",
  "HL",
  hl("23"),
  [["PAT"]],
  [
    [1, names("2010CA", ["QC"], [["N3"], ["N4"], ["DMG"], ["REF"]])],
    [2, L2300],
  ],
);

const L2000B = loop(
  "2000B",
  "HL",
  hl("22"),
  [["SBR"], ["PAT"]],
  [
    [1, names("2010BA", ["IL"], [["N3"], ["N4"], ["DMG"], ["REF"]])],
    [1, names("2010BB", ["PR"], [["N3"], ["N4"], ["REF"]])],
    [2, L2300],
    [3, L2000C],
  ],
);

const L2000A = loop(
  "2000A",
  "HL",
  hl("20"),
  [["PRV"], ["CUR"]],
  [
    [1, names("2010AA", ["85"], [["N3"], ["N4"], ["REF"], ["PER"]])],
    [1, names("2010AB", ["87"], [["N3"], ["N4"]])],
    [1, names("2010AC", ["PE"], [["N3"], ["N4"], ["REF"]])],
    [2, L2000B],
  ],
);

/** The transaction set: BHT, submitter (1000A), receiver (1000B), billing providers (2000A). */
export const TRANSACTION_837P: LoopDef = loop(
  "HEADER",
  "ST",
  undefined,
  [["BHT"]],
  [
    [1, names("1000A", ["41"], [["PER"]])],
    [2, names("1000B", ["40"], [])],
    [3, L2000A],
  ],
);

type Frame = { def: LoopDef; pos: number; rank: number; index: Map<string, number> };

const indexes = new WeakMap<LoopDef, Map<string, number>>();

function indexOf(def: LoopDef): Map<string, number> {
  let map = indexes.get(def);
  if (map === undefined) {
    map = new Map();
    def.segments.forEach((group, i) => {
      for (const tag of group) map?.set(tag, i);
    });
    indexes.set(def, map);
  }
  return map;
}

/** Where a segment landed: its loop, and whether it started that loop. */
export type LoopStep = { loop: string; starts: boolean };

/**
 * Walks segments through the loop table: a segment belongs to the current loop if it comes at or
 * after the current position; otherwise it may start a child loop (at or after the current child
 * rank), or else it closes loops until an ancestor accepts it. `undefined` means no loop accepts it.
 */
export class LoopWalker {
  private stack: Frame[] = [];

  constructor(private readonly root: LoopDef) {
    this.reset();
  }

  reset(): void {
    this.stack = [{ def: this.root, pos: -1, rank: 0, index: indexOf(this.root) }];
  }

  /** Loop ids from the root to the current loop. */
  path(): string[] {
    return this.stack.map((f) => f.def.id);
  }

  step(seg: Segment): LoopStep | undefined {
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const frame = this.stack[depth] as Frame;
      if (frame.rank === 0) {
        const at = frame.index.get(seg.id);
        if (at !== undefined && at >= frame.pos) {
          this.stack.length = depth + 1;
          frame.pos = at;
          return { loop: frame.def.id, starts: false };
        }
      }
      for (const child of frame.def.children) {
        if (child.rank < frame.rank) continue;
        const def = child.loop;
        if (def.start === seg.id && (def.test === undefined || def.test(seg))) {
          this.stack.length = depth + 1;
          frame.rank = child.rank;
          this.stack.push({ def, pos: -1, rank: 0, index: indexOf(def) });
          return { loop: def.id, starts: true };
        }
      }
    }
    return undefined;
  }
}
