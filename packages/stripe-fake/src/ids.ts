import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Stripe-looking ids: a prefix and 24 base62 characters (pi_3Px…, cus_Q…, evt_…). */
export const stripeId = (prefix: string): string => {
  const bytes = randomBytes(24);
  let text = "";
  for (const b of bytes) text += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${text}`;
};

export const unixSeconds = (at: number = Date.now()): number => Math.floor(at / 1000);
