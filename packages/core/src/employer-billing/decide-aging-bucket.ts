/** The aging buckets of an employer's open balance, by days since the invoice was issued. */
export const agingBuckets = ["current", "31_60", "61_90", "over_90"] as const;
export type AgingBucket = (typeof agingBuckets)[number];

/** 0–30 days old is current; then 31–60, 61–90, and over 90. */
export const decideAgingBucket = (ageDays: number): AgingBucket => {
  if (ageDays <= 30) return "current";
  if (ageDays <= 60) return "31_60";
  if (ageDays <= 90) return "61_90";
  return "over_90";
};
