import { isUtf8 } from "node:buffer";

/**
 * The text of a file received from a clearinghouse or a payer. X12 files are ASCII; where one is not, it is UTF-8
 * (what the guides allow by agreement) or, from older systems, Latin-1. Bytes that are valid UTF-8 are read as UTF-8
 * and anything else as Latin-1, where every byte is a character: either way a name such as MUÑOZ arrives as MUÑOZ,
 * and a file uploaded by hand (the browser reads it as UTF-8) is the same text as the same file picked up.
 */
export const decodeInboundFile = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(isUtf8(bytes) ? "utf8" : "latin1");
