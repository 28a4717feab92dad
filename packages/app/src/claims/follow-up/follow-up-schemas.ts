import { claimFollowUpActions } from "@billcycle/core";
import { z } from "zod";

const codeInWords = z.strictObject({ code: z.string(), description: z.string() }).meta({ id: "CodeInWords" });

/** A denied or rejected claim nobody has acted on, with why in words and what can be done. */
export const deniedClaimSchema = z
  .strictObject({
    claimId: z.uuid(),
    patientControlNumber: z.string(),
    stage: z.enum(["denied", "rejected"]),
    clientId: z.uuid(),
    clientName: z.string(),
    payerName: z.string(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    dateOfService: z.iso.date().nullable(),
    totalCents: z.int(),
    /** What insurance still owes: what a write-off or a client bill moves. */
    insuranceOpenCents: z.int(),
    /** The payer's number for it (835 CLP07 or 277CA); none: the payer never took it in. */
    payerClaimNumber: z.string().nullable(),
    deniedAt: z.iso.datetime({ offset: true }),
    /** CARC codes (with their group) of its postings, in words. */
    adjustmentCodes: z.array(codeInWords),
    /** RARC remark codes of the latest remittance, in words. */
    remarkCodes: z.array(codeInWords),
    /** A rejection's acknowledgment codes and texts (999 or 277CA). */
    rejection: z.array(codeInWords),
    /** The actions allowed on it (decideClaimFollowUp). */
    actions: z.array(z.enum(claimFollowUpActions)),
  })
  .meta({ id: "DeniedClaim" });
export type DeniedClaim = z.infer<typeof deniedClaimSchema>;

export const deniedClaimListSchema = z
  .strictObject({ data: z.array(deniedClaimSchema), nextCursor: z.string().nullable() })
  .meta({ id: "DeniedClaimList" });

const correctionsSchema = z
  .strictObject({
    diagnosisCodes: z.array(z.string().trim().toUpperCase()).min(1).max(12).optional(),
    lines: z
      .array(
        z.strictObject({
          lineNumber: z.int().min(1).max(50),
          code: z.string().trim().toUpperCase().optional(),
          modifiers: z.array(z.string().trim().toUpperCase()).max(4).optional(),
          units: z.int().min(1).max(999).optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .meta({ id: "ClaimCorrections" });

export const claimFollowUpBodySchema = z
  .strictObject({
    action: z.enum(claimFollowUpActions),
    reason: z.string().trim().min(1).max(500),
    /** Only with action "replace": what the replacement corrects (the client's data is read when it is sent). */
    corrections: correctionsSchema.optional(),
  })
  .meta({ id: "ClaimFollowUp" });

export const claimFollowUpResultSchema = z
  .strictObject({
    claimId: z.uuid(),
    action: z.enum(claimFollowUpActions),
    newClaimId: z.uuid().nullable(),
    newPatientControlNumber: z.string().nullable(),
    amountCents: z.int().nullable(),
  })
  .meta({ id: "ClaimFollowUpResult" });
