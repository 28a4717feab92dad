import { claimAdjudications, claimStages, claimStatuses, warningEditCodes } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { z } from "zod";
import { historyWordsShape } from "../audit/history-words";
import { rowSchema } from "../schemas/row-schema";

/** What the scrubber found on a claim (core's ScrubEdit). */
export const scrubEditSchema = z
  .strictObject({
    code: z.string(),
    severity: z.enum(["blocking", "warning"]),
    message: z.string(),
    path: z.string().optional(),
  })
  .meta({ id: "ScrubEdit" });

export const claimLineSchema = rowSchema(tables.claimLines).meta({ id: "ClaimLine" });
export const claimScrubSchema = rowSchema(tables.claimScrubs, {
  json: { edits: z.array(scrubEditSchema) },
}).meta({ id: "ClaimScrub" });
export const claimAcknowledgmentSchema = rowSchema(tables.claimAcknowledgments, {
  json: {
    details: z.array(z.strictObject({ code: z.string(), text: z.string(), detail: z.string().optional() })),
  },
}).meta({ id: "ClaimAcknowledgment" });
export const postingSchema = rowSchema(tables.postings).meta({ id: "Posting" });
export const claimStatusChangeSchema = rowSchema(tables.claimStatusHistory)
  .extend({
    fromStatus: z.enum(claimStatuses).nullable(),
    toStatus: z.enum(claimStatuses),
    fromAdjudication: z.enum(claimAdjudications).nullable(),
    toAdjudication: z.enum(claimAdjudications),
    /** What a biller saw before and after (claimStageOf). */
    fromStage: z.enum(claimStages).nullable(),
    toStage: z.enum(claimStages),
    ...historyWordsShape,
  })
  .meta({ id: "ClaimStatusChange" });

const file = rowSchema(tables.clearinghouseFiles, { omit: ["raw"] }).shape;
/** One failed balancing equation of the 835 (the X12 reader's Imbalance). */
export const imbalanceSchema = z
  .strictObject({
    level: z.enum(["line", "claim", "transaction"]),
    patientControlNumber: z.string().optional(),
    claimIndex: z.int().optional(),
    lineNumber: z.int().optional(),
    segmentNumber: z.int().optional(),
    reportedCents: z.int(),
    computedCents: z.int(),
    differenceCents: z.int(),
    message: z.string(),
  })
  .meta({ id: "Imbalance" });

/** An 837P file a claim went out in. */
export const claimFileSchema = z
  .strictObject({
    claimId: z.uuid(),
    fileId: file.id,
    name: file.name,
    status: file.status,
    sentAt: file.sentAt,
    transactionControlNumber: rowSchema(tables.claimSubmissions).shape.transactionControlNumber,
  })
  .meta({ id: "ClaimFile" });

/** A claim as the claims resource reads it: its row with lines, scrubs, acknowledgments, files, postings, history. */
export const claimRecordSchema = rowSchema(tables.claims).extend({
  // The column is plain text; core's claimStatuses are the values its transition table allows.
  status: z.enum(claimStatuses),
  adjudication: z.enum(claimAdjudications),
  /** What a biller sees: the lifecycle, or the payer's decision once adjudicated (claimStageOf). */
  stage: z.enum(claimStages),
  lines: z.array(claimLineSchema),
  scrubs: z.array(claimScrubSchema),
  acknowledgments: z.array(claimAcknowledgmentSchema),
  files: z.array(claimFileSchema),
  postings: z.array(postingSchema),
  history: z.array(claimStatusChangeSchema),
});

/** The result of scrubbing one claim. */
export const scrubResultSchema = z
  .strictObject({
    claimId: z.uuid(),
    patientControlNumber: z.string(),
    edits: z.array(scrubEditSchema),
    blocked: z.boolean(),
  })
  .meta({ id: "ScrubResult" });

/** Claims settings as saved (also the body of a save). */
export const claimsSettingsSchema = z
  .strictObject({
    disabledWarnings: z.array(z.enum(warningEditCodes as [string, ...string[]])).max(20),
    unknownCodeAction: z.enum(["block", "deny"]),
    connectionId: z.uuid().nullable(),
  })
  .meta({ id: "ClaimsSettings" });

export const savedClaimsSettingsSchema = z
  .strictObject({ settings: claimsSettingsSchema, version: z.int().min(0) })
  .meta({ id: "SavedClaimsSettings" });

/** The settings, the defaults, and the warning edits that may be switched off. */
export const claimsSettingsViewSchema = savedClaimsSettingsSchema
  .extend({
    defaults: claimsSettingsSchema,
    warningEdits: z.array(z.enum(warningEditCodes as [string, ...string[]])),
  })
  .meta({ id: "ClaimsSettingsView" });

/** What a Claims Submission run did; `fileContent` is the 837P a dry run would have sent. */
export const submitResultSchema = z
  .strictObject({
    considered: z.int(),
    scrubberRejected: z.int(),
    excluded: z.int(),
    submitted: z.int(),
    files: z.int(),
    delivery: z.string(),
    held: z.strictObject({
      resting: z.int(),
      excluded: z.int(),
      claims: z.array(
        z.strictObject({
          claimId: z.uuid(),
          patientControlNumber: z.string(),
          code: z.enum(["RESTING", "EXCLUDED_BY_RULE"]),
          message: z.string(),
        }),
      ),
    }),
    /** The manual run this Submit now was recorded as (none for a dry run). */
    runId: z.uuid().nullable().optional(),
    fileContent: z.string().optional(),
  })
  .meta({ id: "SubmitResult" });

/** What an uploaded or picked-up 835, 999 or 277CA did. */
export const inboundResultSchema = z
  .strictObject({
    fileId: z.uuid(),
    name: z.string(),
    kind: z.enum(["999", "277CA", "835", "unknown"]),
    status: z.enum(["processed", "rejected", "duplicate"]),
    code: z
      .string()
      .optional()
      .describe("why a rejected file was refused: FILE_NOT_TEXT, or the X12 reader's code"),
    acknowledgments: z.strictObject({ accepted: z.int(), rejected: z.int(), unmatched: z.int() }).optional(),
    remittances: z
      .array(
        z.strictObject({
          remittanceId: z.uuid().nullable(),
          traceNumber: z.string(),
          status: z.enum(["posted", "partially_posted", "needs_review", "duplicate"]),
          claims: z.int(),
          posted: z.int(),
          queued: z.int(),
        }),
      )
      .optional(),
    error: z.string().optional(),
  })
  .meta({ id: "InboundResult" });

export const workItemResolutionSchema = z
  .strictObject({ status: z.enum(["resolved", "dismissed"]) })
  .meta({ id: "WorkItemResolution" });
