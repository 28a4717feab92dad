import { cardChargePurposeKinds, cardChargeStatuses, cardRefundStatuses } from "@billcycle/core";
import { z } from "zod";

export const clientCardSchema = z
  .strictObject({
    id: z.string(),
    clientId: z.string(),
    brand: z.string(),
    last4: z.string(),
    expMonth: z.int(),
    expYear: z.int(),
    isDefault: z.boolean(),
    expired: z.boolean().describe("past its expiry month on the practice's local date today"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ClientCard" });
export type ClientCardView = z.infer<typeof clientCardSchema>;

export const cardSetupSchema = z
  .strictObject({
    setupIntentId: z.string(),
    clientSecret: z
      .string()
      .describe("for Stripe's card element (stripe.confirmCardSetup); the card never reaches us"),
    publishableKey: z.string(),
  })
  .meta({ id: "CardSetup" });
export type CardSetupView = z.infer<typeof cardSetupSchema>;

export const cardChargeSchema = z
  .strictObject({
    id: z.string(),
    clientId: z.string(),
    amountCents: z.int(),
    currency: z.string(),
    idempotencyKey: z.string(),
    purposeKind: z.enum(cardChargePurposeKinds),
    purposeId: z.string(),
    status: z.enum(cardChargeStatuses),
    cardBrand: z.string(),
    cardLast4: z.string(),
    stripePaymentIntentId: z.string().nullable(),
    declineCode: z
      .string()
      .nullable()
      .describe("Stripe's decline code (insufficient_funds, expired_card, …)"),
    failureCode: z.string().nullable(),
    failureMessage: z.string().nullable(),
    refundedCents: z.int(),
    applyTo: z
      .array(z.strictObject({ invoiceId: z.string(), amountCents: z.int().optional() }))
      .nullable()
      .describe("the invoices a manual charge pays, as chosen; null: oldest first"),
    createdAt: z.iso.datetime(),
    settledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "CardCharge" });
export type CardChargeView = z.infer<typeof cardChargeSchema>;

export const cardRefundSchema = z
  .strictObject({
    id: z.string(),
    chargeId: z.string(),
    amountCents: z.int(),
    idempotencyKey: z.string(),
    status: z.enum(cardRefundStatuses),
    reason: z.string().nullable(),
    stripeRefundId: z.string().nullable(),
    failureMessage: z.string().nullable(),
    createdAt: z.iso.datetime(),
    settledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "CardRefund" });
export type CardRefundView = z.infer<typeof cardRefundSchema>;
