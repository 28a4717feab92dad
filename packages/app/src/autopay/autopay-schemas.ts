import { autopayAttemptStatuses } from "@billcycle/core";
import { z } from "zod";

export const autopayAttemptViewSchema = z.strictObject({
  localDate: z.string(),
  attemptNumber: z.int(),
  amountCents: z.int(),
  outcome: z.enum(autopayAttemptStatuses),
  /** Stripe's words for a decline or failure. */
  declineMessage: z.string().nullable(),
});

export const autopayInvoiceExplanationSchema = z.strictObject({
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  openCents: z.int(),
  paymentStatus: z.string(),
  /** decideAutopay's code, CHARGE when the next run will charge it, DECLINED when it will try again after one. */
  code: z.string(),
  /** Why it was not charged, in words. */
  reason: z.string(),
  attempts: z.array(autopayAttemptViewSchema),
  /** What happens next ("autopay will try again tonight at 00:30", "attempts used up"). */
  next: z.string(),
});

export const autopayExplanationSchema = z
  .strictObject({
    clientId: z.string(),
    practiceAutopay: z.boolean(),
    clientAutopay: z.boolean(),
    card: z
      .strictObject({
        brand: z.string(),
        last4: z.string(),
        expMonth: z.int(),
        expYear: z.int(),
        expired: z.boolean(),
      })
      .nullable(),
    maxAttempts: z.int(),
    /** When autopay next runs (practice-local "YYYY-MM-DD HH:MM"), null when its nightly run is off. */
    nextRunAt: z.string().nullable(),
    invoices: z.array(autopayInvoiceExplanationSchema),
  })
  .meta({ id: "autopayExplanation" });

export type AutopayExplanation = z.infer<typeof autopayExplanationSchema>;
