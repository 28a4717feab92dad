import {
  outreachActions,
  outreachChannels,
  outreachMessageStatuses,
  outreachSetStatuses,
  willFailCodes,
} from "@billcycle/core";
import { z } from "zod";

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

export const ruleStepSchema = z
  .strictObject({
    dayOffset: z.int().min(0).max(365).describe("days after the set started"),
    channel: z.enum(outreachChannels),
    template: z
      .string()
      .min(1)
      .max(1600)
      .describe("text with {first_name} {amount} {practice_name} {pay_link} {practice_phone}"),
    subject: z.string().min(1).max(200).optional().describe("email only"),
    sendWindow: z
      .strictObject({ start: timeOfDay, end: timeOfDay })
      .default({ start: "09:00", end: "20:00" })
      .describe("local hours in the patient's zone"),
  })
  .meta({ id: "outreachRuleStep" });

export const ruleSetInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    isDefault: z.boolean().default(false),
    steps: z.array(ruleStepSchema).max(50),
  })
  .meta({ id: "outreachRuleSetInput" });
export type RuleSetInput = z.infer<typeof ruleSetInputSchema>;

export const ruleSetSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    isDefault: z.boolean(),
    version: z.int(),
    steps: z.array(ruleStepSchema),
  })
  .meta({ id: "outreachRuleSet" });
export type RuleSetView = z.infer<typeof ruleSetSchema>;

export const outreachSettingsSchema = z
  .strictObject({
    enabled: z.boolean(),
    startAfterDays: z.int().min(0).max(365).describe("a set starts when a balance is this many days old"),
  })
  .meta({ id: "outreachSettings" });

const willFailReasonSchema = z.strictObject({ code: z.enum(willFailCodes), message: z.string() });

export const outreachSetSchema = z
  .strictObject({
    id: z.uuid(),
    status: z.enum(outreachSetStatuses),
    amountOutstandingCents: z.int(),
    patient: z.strictObject({
      clientId: z.uuid(),
      firstName: z.string(),
      lastName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    ruleSet: z.strictObject({ id: z.uuid(), name: z.string() }),
    startedBy: z.enum(["auto", "manual"]),
    createdAt: z.iso.datetime({ offset: true }),
    nextSendAt: z.iso.datetime({ offset: true }).nullable(),
    stepIndex: z.int(),
    stepCount: z.int(),
    willFailReasons: z.array(willFailReasonSchema),
    invoiceIds: z.array(z.uuid()),
    /** The actions the set's status allows (the screen shows only these; the API refuses the rest). */
    actions: z.array(z.enum(outreachActions)),
    version: z.int(),
  })
  .meta({ id: "outreachSet" });
export type OutreachSetView = z.infer<typeof outreachSetSchema>;

export const outreachSetPageSchema = z
  .strictObject({ items: z.array(outreachSetSchema), nextCursor: z.string().nullable() })
  .meta({ id: "outreachSetPage" });

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter((x) => x !== "") : v),
    z.array(item).min(1),
  );

export const listOutreachSetsQuerySchema = z.strictObject({
  search: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("patient name, phone number, or set/patient id"),
  status: csv(z.enum(outreachSetStatuses)).optional().describe("comma-separated statuses"),
  minAmountCents: z.coerce.number().int().min(0).optional(),
  maxAmountCents: z.coerce.number().int().min(0).optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  nextSendFrom: z.iso.datetime({ offset: true }).optional(),
  nextSendTo: z.iso.datetime({ offset: true }).optional(),
  ruleSetId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page (newest first). */
  cursor: z.uuid().optional(),
});
export type ListOutreachSetsQuery = z.infer<typeof listOutreachSetsQuerySchema>;

export const outreachMetricsSchema = z
  .strictObject({ failed: z.int(), expired: z.int(), paused: z.int(), willFail: z.int() })
  .meta({ id: "outreachMetrics" });

export const outreachEventSchema = z
  .strictObject({
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    kind: z.string(),
    actor: z.string(),
    /** The staff member's name when a person did it (the screen shows who in words, not an id). */
    actorName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    message: z
      .strictObject({
        id: z.uuid(),
        channel: z.enum(outreachChannels),
        status: z.enum(outreachMessageStatuses),
        to: z.string().nullable(),
        subject: z.string().nullable(),
        body: z.string(),
        failureCode: z.string().nullable(),
        failureMessage: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "outreachEvent" });

export const outreachTimelineSchema = z
  .strictObject({ set: outreachSetSchema, events: z.array(outreachEventSchema) })
  .meta({ id: "outreachTimeline" });

export const startOutreachSetSchema = z.strictObject({
  clientId: z.uuid(),
  ruleSetId: z.uuid().optional().describe("the practice's default rule set when omitted"),
});

export const outreachActionInputSchema = z
  .strictObject({
    action: z.enum(outreachActions),
    ruleSetId: z.uuid().optional().describe("Change Rule Set: the rule set to continue with"),
    reason: z.string().trim().min(1).max(500).optional(),
    version: z.int().optional().describe("the set's version as read (412 VERSION_CONFLICT if it moved)"),
  })
  .meta({ id: "outreachActionInput" });
export type OutreachActionInput = z.infer<typeof outreachActionInputSchema>;

export const bulkOutreachActionInputSchema = z
  .strictObject({
    action: z.enum(outreachActions),
    setIds: z.array(z.uuid()).min(1).max(500),
    ruleSetId: z.uuid().optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: "bulkOutreachActionInput" });

export const bulkOutreachResultSchema = z
  .strictObject({
    done: z.int(),
    doneIds: z.array(z.uuid()),
    skipped: z.array(z.strictObject({ setId: z.uuid(), code: z.string(), reason: z.string() })),
  })
  .meta({ id: "bulkOutreachResult" });
export type BulkOutreachResult = z.infer<typeof bulkOutreachResultSchema>;

export const payPageSchema = z
  .strictObject({
    practiceName: z.string(),
    firstName: z.string(),
    amountOutstandingCents: z.int(),
    status: z.enum(outreachSetStatuses),
    card: z.strictObject({ brand: z.string().nullable(), last4: z.string().nullable() }).nullable(),
    takesNewCard: z.boolean().describe("the practice takes a new card through Stripe's card element"),
    linkExpiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "outreachPayPage" });

export const payByLinkInputSchema = z.strictObject({
  amountCents: z.int().min(1).optional().describe("all that is outstanding when omitted"),
  idempotencyKey: z.string().min(8).max(100),
});
