import { createHash, type Hash } from "node:crypto";

const CR = 0x0d;
const LF = 0x0a;
const S = 0x53;
const T = 0x54;
const E = 0x45;
/** The ASCII characters a regular expression's `\s` matches (tab, line feed, vertical tab, form feed, CR, space). */
const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);
/** Bytes of the ISA segment up to and including its segment terminator (fixed width). */
const ISA_LENGTH = 106;
const ISA = Buffer.from("ISA");

/**
 * The SHA-256 of each transaction set of an X12 interchange (the segments between ST and SE), in file order, with line
 * breaks removed: two remittances are the same content when their segments are byte for byte the same, however the
 * lines were broken (CRLF, LF, none). ST and SE are left out: they hold only the set's control number and count.
 *
 * Fed the file's UTF-8 bytes a chunk at a time (as the 835 reader reads them), holding no more than the ISA header
 * and a few bytes at a segment start: memory does not grow with the file. The delimiters come from the fixed-width
 * ISA (element separator at 4, terminator at 106), as the reader takes them. A set is what follows the ST segment's
 * terminator up to the `S` of SE (whitespace before SE included, line breaks removed), as the earlier whole-text
 * reading hashed it, so content received before hashes the same.
 */
export class TransactionSetHasher {
  private readonly hashes: string[] = [];
  /** Bytes before the delimiters are known (the ISA header). */
  private head: Buffer | null = Buffer.alloc(0);
  private terminator = -1;
  private element = -1;
  /** The set being hashed (after ST's terminator), else null. */
  private hash: Hash | null = null;
  private mode: "segment" | "start" | "head" = "start";
  /** A segment's first bytes, held until they say whether it is ST, SE or neither. */
  private pending: number[] = [];
  /** Inside an ST segment: the set starts after its terminator. */
  private inSt = false;
  /** Content bytes on their way to the hash (a byte at a time to `update` would be slow). */
  private readonly out = Buffer.alloc(1 << 16);
  private outLength = 0;

  update(chunk: Uint8Array): void {
    if (this.head) {
      const joined = Buffer.concat([this.head, chunk]);
      const isa = joined.indexOf(ISA);
      if (isa < 0 || joined.length < isa + ISA_LENGTH) {
        // Keep only what could still hold ISA: a file without it has no sets.
        this.head = isa < 0 ? joined.subarray(Math.max(0, joined.length - 2)) : joined.subarray(isa);
        return;
      }
      this.element = joined[isa + 3]!;
      this.terminator = joined[isa + ISA_LENGTH - 1]!;
      this.head = null;
      this.scan(joined.subarray(isa + ISA_LENGTH));
    } else this.scan(chunk);
    this.flush();
  }

  /** The hashes, once every chunk is in (a set without its SE is left out). */
  finish(): string[] {
    return this.hashes;
  }

  private emit(b: number): void {
    if (!this.hash || b === CR || b === LF) return;
    this.out[this.outLength++] = b;
    if (this.outLength === this.out.length) this.flush();
  }

  private flush(): void {
    if (this.hash && this.outLength > 0) this.hash.update(this.out.subarray(0, this.outLength));
    this.outLength = 0;
  }

  private scan(bytes: Uint8Array): void {
    const term = this.terminator;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.mode === "segment") {
        if (b === term) this.endSegment();
        else this.emit(b);
      } else if (this.mode === "start") {
        // Whitespace before a segment is the set's content (when in one), line breaks aside.
        if (b === term) this.endSegment();
        else if (isSpace(b)) this.emit(b);
        else {
          this.pending.push(b);
          this.mode = "head";
        }
      } else if (b === term) {
        // A segment shorter than three characters: ordinary content.
        for (const p of this.pending) this.emit(p);
        this.pending = [];
        this.endSegment();
      } else {
        this.pending.push(b);
        if (this.pending.length === 3) this.decideHead();
      }
    }
  }

  private endSegment(): void {
    this.emit(this.terminator);
    if (this.inSt) {
      this.inSt = false;
      this.hash = createHash("sha256");
      this.outLength = 0;
    }
    this.mode = "start";
  }

  private decideHead(): void {
    const [b0, b1, b2] = this.pending;
    this.pending = [];
    this.mode = "segment";
    if (b0 === S && b2 === this.element && (b1 === T || b1 === E)) {
      this.flush();
      if (b1 === E && this.hash) this.hashes.push(this.hash.digest("hex"));
      // An ST without an SE before it: the unfinished set is dropped.
      this.hash = null;
      this.inSt = b1 === T;
      return;
    }
    this.emit(b0!);
    this.emit(b1!);
    this.emit(b2!);
  }
}

/** Hashes a whole interchange's bytes (see {@link TransactionSetHasher}). */
export const hashTransactionSets = (bytes: Uint8Array): string[] => {
  const hasher = new TransactionSetHasher();
  hasher.update(bytes);
  return hasher.finish();
};
