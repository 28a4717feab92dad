import {
  documentKinds,
  shareDocumentKindChoices,
  shareFailureCodes,
  shareSkipCodes,
  shareStatuses,
} from "@billcycle/core";
import { tables } from "@billcycle/db";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";

export const shareReasonSchema = z.strictObject({
  code: z.enum([...shareSkipCodes, ...shareFailureCodes]),
  message: z.string(),
});

/** A share as the API returns it; its status moves scheduled → sent | skipped | failed (failed → scheduled). */
export const documentShareSchema = rowSchema(tables.documentShares, {
  omit: ["leaseUntil"],
  json: { reasons: z.array(shareReasonSchema) },
}).meta({ id: "documentShare" });

export const documentSharePageSchema = z
  .strictObject({ items: z.array(documentShareSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "documentSharePage" });

export const listDocumentSharesQuerySchema = z.strictObject({
  clientId: z.uuid().optional(),
  invoiceId: z.uuid().optional(),
  documentId: z.uuid().optional(),
  status: z.enum(shareStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last id of the previous page (newest first). */
  cursor: z.uuid().optional(),
});

/** "Why wasn't this shared?": the share's state and reasons, and what would be decided if it fell due now. */
export const shareExplanationSchema = z
  .strictObject({
    share: documentShareSchema.nullable(),
    /** One sentence for a biller. */
    answer: z.string(),
    /** Reasons the share would be skipped were it due now (settings and address as they are). */
    reasonsNow: z.array(shareReasonSchema),
  })
  .meta({ id: "shareExplanation" });

export const clientSharingSchema = z
  .strictObject({
    clientId: z.uuid(),
    settings: z.strictObject({
      practiceSharingOn: z.boolean(),
      clientSharingOn: z.boolean(),
      shareDocumentKinds: z.enum(shareDocumentKindChoices),
      hasEmail: z.boolean(),
      emailOptIn: z.boolean(),
      shareDelayMinutes: z.int(),
    }),
    /** Per kind: the reasons a document of it would be skipped now (empty: it would be shared). */
    reasonsNowByKind: z.strictObject(
      Object.fromEntries(documentKinds.map((k) => [k, z.array(shareReasonSchema)])) as Record<
        (typeof documentKinds)[number],
        z.ZodArray<typeof shareReasonSchema>
      >,
    ),
    answer: z.string(),
    recentShares: z.array(documentShareSchema),
  })
  .meta({ id: "clientSharing" });

export const sharedDocumentSchema = z
  .strictObject({
    documentId: z.uuid(),
    practiceName: z.string(),
    kind: z.enum(documentKinds),
    number: z.string(),
    version: z.int(),
    issuedAt: z.iso.datetime({ offset: true }),
    linkExpiresAt: z.iso.datetime({ offset: true }),
    pdfBytes: z.int(),
  })
  .meta({ id: "sharedDocument" });
