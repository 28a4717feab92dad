import type { X12Error } from "../../errors.js";
import { type ReadOptions, runAsync, runSync, type WarningEvent } from "../../stream/run.js";
import type { X12Source } from "../../stream/source.js";
import type { MoneyRounding } from "../../values/money.js";
import { FieldReader } from "../fields.js";
import { Reader835 } from "./reader.js";
import type { Claim835, Event835, Imbalance, Remittance835 } from "./types.js";

/** {@link ReadOptions} plus how the 835 reader treats amounts with more than two decimals. */
export type Read835Options = ReadOptions & {
  /**
   * Amounts with more than two significant decimals: `"reject"` (default) reports BAD_ELEMENT,
   * `"halfAwayFromZero"` rounds to the cent.
   */
  moneyRounding?: MoneyRounding;
  /**
   * Implementations read (GS08, or ST03 when present). Default {@link DEFAULT_835_VERSIONS}: anything else, such as
   * a 4010 file (004010X091A1) or a made-up identifier, is UNSUPPORTED_VERSION, since its segments may mean other
   * things. `"any"` reads every version as if it were 5010. Input without GS is read.
   */
  versions?: readonly string[] | "any";
};

/** The 835 implementations read by default. */
export const DEFAULT_835_VERSIONS: readonly string[] = Object.freeze(["005010X221A1", "005010X221"]);

function makeReader(
  options: Read835Options,
  emit: (e: Event835) => void,
  warn: (w: X12Error) => void,
): Reader835 {
  const onWarning = (w: X12Error) => {
    warn(w);
    options.onWarning?.(w);
  };
  const fields = new FieldReader(options.strict ?? true, onWarning, options.moneyRounding ?? "reject");
  return new Reader835(fields, emit, options.versions ?? DEFAULT_835_VERSIONS);
}

/**
 * Streams an 835 as events: `remittance` (payment, payer, payee), one `claim` per CLP with its
 * service lines and balance, and `remittanceEnd` (PLB and transaction balance) per transaction set.
 * Memory stays bounded by one chunk and one claim, whatever the file size.
 *
 * @example
 * for await (const event of read835(fs.createReadStream("era.835"))) {
 *   if (event.type === "claim") post(event.claim);
 * }
 */
export function read835(source: X12Source, options: Read835Options = {}): AsyncGenerator<Event835> {
  const queue: Array<Event835 | WarningEvent> = [];
  const reader = makeReader(
    options,
    (e) => queue.push(e),
    (warning) => queue.push({ type: "warning", warning }),
  );
  return runAsync<Event835>(source, options, reader, queue);
}

/** Streams only the claims of an 835 (see {@link read835}). */
export async function* read835Claims(
  source: X12Source,
  options: Read835Options = {},
): AsyncGenerator<Claim835> {
  for await (const event of read835(source, options)) if (event.type === "claim") yield event.claim;
}

class Collector {
  readonly remittances: Remittance835[] = [];
  private current: Remittance835 | undefined;
  private warnings: X12Error[] = [];

  warn(w: X12Error): void {
    (this.current?.warnings ?? this.warnings).push(w);
  }

  /** Warnings after the last SE (GE/IEA trailers) belong to the last transaction set. */
  finish(): Remittance835[] {
    const last = this.remittances[this.remittances.length - 1];
    if (last && this.warnings.length > 0 && last.warnings !== this.warnings)
      last.warnings.push(...this.warnings);
    this.warnings = [];
    return this.remittances;
  }

  event(e: Event835): void {
    if (e.type === "remittance") {
      this.current = {
        ...e.remittance,
        claims: [],
        summary: {
          claimCount: 0,
          totalChargeCents: 0,
          totalPaidCents: 0,
          providerAdjustments: [],
          providerAdjustmentTotalCents: 0,
          claimsOutOfBalance: 0,
          balance: { balanced: true, imbalances: [] },
        },
        balance: { balanced: true, imbalances: [] },
        warnings: this.warnings,
      };
      this.warnings = [];
      this.remittances.push(this.current);
    } else if (e.type === "claim") {
      this.current?.claims.push(e.claim);
    } else if (e.type === "remittanceEnd" && this.current) {
      const all: Imbalance[] = [];
      for (const c of this.current.claims) all.push(...c.balance.imbalances);
      all.push(...e.summary.balance.imbalances);
      this.current.summary = e.summary;
      this.current.balance = { balanced: all.length === 0, imbalances: all };
      this.current = undefined;
    } else if (e.type === "warning") {
      this.warn(e.warning);
    }
  }
}

/** Reads a whole in-memory 835 into one {@link Remittance835} per transaction set. */
export function parse835(input: string | Uint8Array, options: Read835Options = {}): Remittance835[] {
  const collector = new Collector();
  const reader = makeReader(
    options,
    (e) => collector.event(e),
    (w) => collector.warn(w),
  );
  runSync(input, options, reader, (w) => collector.warn(w));
  return collector.finish();
}

/** Reads a whole 835 from any source into memory; for small files (use {@link read835} for large ones). */
export async function read835All(source: X12Source, options: Read835Options = {}): Promise<Remittance835[]> {
  const collector = new Collector();
  for await (const e of read835(source, options)) collector.event(e);
  return collector.finish();
}
