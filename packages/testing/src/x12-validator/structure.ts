import { HL_LEVEL, type LoopRule, type Rule } from "./grammar.js";
import { e, type Seg } from "./tokens.js";

/** Where the grammar placed a segment. */
export type Placed = { seg: Seg; loop: string; name: string; path: string[] };

export type StructureIssue = { n: number; id: string; message: string };

function first(rule: Rule): Rule {
  return rule.kind === "seg" ? rule : (rule.body[0] as Rule);
}

function matches(rule: Rule, s: Seg): boolean {
  if (rule.kind === "loop") {
    const trigger = first(rule);
    if (!matches(trigger, s)) return false;
    const level = HL_LEVEL[rule.loop];
    return level === undefined || e(s, 3) === level;
  }
  return s.id === rule.id && (rule.q === undefined || rule.q.includes(e(s, 1)));
}

function walk(
  rule: LoopRule,
  segs: Seg[],
  start: number,
  path: string[],
  placed: Placed[],
  issues: StructureIssue[],
): number {
  let i = start;
  const here = [...path, rule.loop];
  for (const r of rule.body) {
    let count = 0;
    while (i < segs.length && matches(r, segs[i] as Seg)) {
      if (count === r.max) {
        const s = segs[i] as Seg;
        issues.push({
          n: s.n,
          id: s.id,
          message: `${r.kind === "seg" ? r.name : `loop ${r.loop}`} exceeds its maximum of ${r.max} in loop ${rule.loop}`,
        });
        break;
      }
      if (r.kind === "seg") {
        const s = segs[i] as Seg;
        placed.push({ seg: s, loop: rule.loop, name: r.name, path: here });
        i++;
      } else {
        i = walk(r, segs, i, here, placed, issues);
      }
      count++;
    }
    if (count === 0 && r.usage === "R") {
      const s = segs[i];
      issues.push({
        n: s?.n ?? -1,
        id: s?.id ?? "",
        message: `required ${r.kind === "seg" ? `segment ${r.id} (${r.name})` : `loop ${r.loop}`} missing in loop ${rule.loop}`,
      });
    }
  }
  return i;
}

/** Places the segments between ST and SE in the grammar; anything left over is not allowed there. */
export function placeSegments(root: LoopRule, body: Seg[]): { placed: Placed[]; issues: StructureIssue[] } {
  const placed: Placed[] = [];
  const issues: StructureIssue[] = [];
  let i = walk(root, body, 0, [], placed, issues);
  while (i < body.length) {
    const s = body[i] as Seg;
    issues.push({
      n: s.n,
      id: s.id,
      message: `segment ${s.id} is not allowed at this position by 005010X222A1`,
    });
    i++;
  }
  return { placed, issues };
}
