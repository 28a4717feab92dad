import { randomBytes } from "node:crypto";

/**
 * UUIDv7: 48-bit millisecond timestamp then randomness, so ids sort by creation time and serve as
 * stable cursors for pagination. A 12-bit counter after the timestamp keeps ids from one process monotonic.
 *
 * The random bits come from a pool filled 1,024 ids at a time — one crypto call per 1,024 ids instead of one
 * per id (as `crypto.randomUUID` caches its entropy): bulk writers make several ids per row, and per-id crypto
 * calls were the largest Node cost of a nightly invoice-creation run.
 */
const POOL_BYTES = 16 * 1024;
let pool = Buffer.alloc(0);
let poolAt = 0;
let lastMs = 0;
let seq = 0;

export const newId = (nowMs: number = Date.now()): string => {
  if (poolAt >= pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const o = poolAt;
  poolAt += 16;
  let ms = nowMs;
  if (ms <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = pool.readUInt16BE(o) & 0x7ff;
  }
  pool.writeUIntBE(ms, o, 6);
  pool[o + 6] = 0x70 | (seq >> 8);
  pool[o + 7] = seq & 0xff;
  pool[o + 8] = ((pool[o + 8] ?? 0) & 0x3f) | 0x80;
  const hex = pool.toString("hex", o, o + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const isUuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
