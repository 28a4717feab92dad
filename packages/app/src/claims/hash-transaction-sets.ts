import { createHash } from "node:crypto";

const literal = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
const BREAKS = /[\r\n]/g;
const PIECE = 1 << 20;

/**
 * The SHA-256 of each transaction set of an X12 interchange (the segments between ST and SE), in file order, with line
 * breaks removed: two remittances are the same content when their segments are byte for byte the same, however the
 * lines were broken (CRLF, LF, none). ST and SE are left out: they hold only the set's control number and count. The delimiters come from the fixed-width ISA (element separator at 4, terminator at 106), as the
 * reader takes them; the file has been read by the 835 reader before this is asked, so ISA is sound.
 */
export const hashTransactionSets = async (
  text: string,
  /** Awaited after every PIECE hashed: hashing 50 MB at once held the event loop for a quarter of a second. */
  turn: () => Promise<void> = async () => undefined,
): Promise<string[]> => {
  const isa = text.indexOf("ISA");
  if (isa < 0 || text.length < isa + 106) return [];
  const element = literal(text.charAt(isa + 3));
  const terminator = text.charAt(isa + 105);
  const boundary = new RegExp(`${literal(terminator)}\\s*S([TE])${element}`, "g");
  const hashes: string[] = [];
  let start = -1;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const at = m.index + m[0].length - 3;
    if (m[1] === "T") {
      const stop = text.indexOf(terminator, at);
      start = stop < 0 ? text.length : stop + 1;
    } else if (start >= 0) {
      const end = at;
      const hash = createHash("sha256");
      // In pieces: no copy of a large transaction set at once.
      for (let from = start; from < end; from += PIECE) {
        hash.update(text.slice(from, Math.min(end, from + PIECE)).replace(BREAKS, ""));
        await turn();
      }
      hashes.push(hash.digest("hex"));
      start = -1;
    }
  }
  return hashes;
};
