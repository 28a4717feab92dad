import { documentKinds, documentStatuses } from "@billcycle/core";
import { z } from "zod";
import { localDate } from "../schemas/common";
import type { DocumentView } from "./document-view";

const instant = z.iso.datetime({ offset: true });

/** A document as the API answers it (no bytes: GET …/documents/{id}/pdf downloads them). */
export const documentSchema = z
  .strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    kind: z.enum(documentKinds),
    number: z.string(),
    documentVersion: z.int().min(1),
    replacesDocumentId: z.uuid().nullable(),
    status: z.enum(documentStatuses),
    invoiceId: z.uuid().nullable(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    amountCents: z.int(),
    source: z.enum(["automation", "user", "on_kept"]),
    runId: z.uuid().nullable(),
    issuedAt: instant,
    issuedBy: z.uuid().nullable(),
    pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
    pdfBytes: z.int().min(1),
    voidedAt: instant.nullable(),
    voidReason: z.string().nullable(),
  })
  .meta({ id: "Document" }) satisfies z.ZodType<DocumentView>;

export const documentPageSchema = z
  .strictObject({ data: z.array(documentSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "DocumentPage" });

export const issuedBillSchema = z
  .strictObject({
    document: documentSchema,
    reused: z.boolean().describe("true when the latest version already showed the invoice as it is"),
  })
  .meta({ id: "IssuedBill" });

export const listClientDocumentsQuerySchema = z.strictObject({
  kind: z.enum(documentKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});

export const voidDocumentInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** A range of practice-local dates, from ≤ to. */
export const dateRangeInputSchema = z
  .strictObject({ from: localDate, to: localDate })
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["from"] });
