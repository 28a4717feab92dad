import { appointmentStatuses, automationKinds, skipReasonCodes } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";
import { automationConfigSchema } from "./automation-config-schema";

const automationKind = z.enum(automationKinds);

/** One automation in words: what it does, when it next runs, its exclusion rules. */
export const automationDescriptionSchema = z
  .strictObject({
    title: z.string(),
    explanation: z.string(),
    schedule: z.string(),
    nextRunAt: z.iso.datetime().nullable(),
    rulesText: z.string(),
  })
  .meta({ id: "AutomationDescription" });

export const automationSettingsSchema = z
  .strictObject({
    config: automationConfigSchema.meta({ id: "AutomationConfig" }),
    version: z.int().min(0),
    timeZone: z.string(),
    automations: z.strictObject(
      Object.fromEntries(automationKinds.map((k) => [k, automationDescriptionSchema])) as Record<
        (typeof automationKinds)[number],
        typeof automationDescriptionSchema
      >,
    ),
  })
  .meta({ id: "AutomationSettings" });

export const automationRunSchema = rowSchema(tables.automationRuns, {
  json: { counts: z.record(z.string(), z.int()) },
})
  .extend({ automation: automationKind })
  .meta({ id: "AutomationRun" });
export const automationRunPageSchema = z
  .strictObject({ data: z.array(automationRunSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "AutomationRunPage" });

export const runOutcomeSchema = rowSchema(tables.automationOutcomes, {
  json: { reasons: z.array(z.strictObject({ code: z.string(), message: z.string() })) },
})
  .extend({ automation: automationKind })
  .meta({ id: "RunOutcome" });
export const runOutcomePageSchema = z
  .strictObject({ data: z.array(runOutcomeSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "RunOutcomePage" });

const outcome = runOutcomeSchema.shape;
export const billingExplanationSchema = z
  .strictObject({
    appointmentId: z.uuid(),
    status: z.enum(appointmentStatuses),
    dateOfService: z.string(),
    billed: z.strictObject({ invoiceId: z.uuid(), invoiceNumber: z.string() }).nullable(),
    reasons: z.array(
      z.strictObject({ code: z.enum(skipReasonCodes), message: z.string(), fix: z.string().nullable() }),
    ),
    tonight: z.string(),
    /** Waived when its invoice was voided: who, why and when; no run or person invoices it again. */
    waiver: z.strictObject({ by: z.string(), reason: z.string(), at: z.iso.datetime() }).nullable(),
    /** The session can be invoiced by hand now (not billed, and only exclusion rules, if anything, hold it). */
    canInvoiceNow: z.boolean(),
    nextRunAt: z.iso.datetime().nullable(),
    history: z.array(
      z.strictObject({
        at: z.iso.datetime(),
        automation: automationKind,
        trigger: outcome.trigger,
        outcome: outcome.outcome,
        message: z.string(),
        runId: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: "BillingExplanation" });

/** A session's billing state in a few words, for lists and the calendar (the explanation has the rest). */
export const billingStateSchema = z
  .strictObject({
    appointmentId: z.uuid(),
    billed: z.strictObject({ invoiceId: z.uuid(), invoiceNumber: z.string() }).nullable(),
    /** Why it is not billed (empty when billed, or ready for the next run). */
    reasons: z.array(z.strictObject({ code: z.enum(skipReasonCodes), message: z.string() })),
  })
  .meta({ id: "BillingState" });

export const billingStateListSchema = z
  .strictObject({ data: z.array(billingStateSchema) })
  .meta({ id: "BillingStateList" });

export const automationPreviewSchema = z
  .strictObject({
    automation: automationKind,
    enabled: z.boolean(),
    runAt: z.iso.datetime(),
    localDate: z.string(),
    wouldDo: z.int(),
    wouldSkip: z.int(),
    byReason: z.record(z.string(), z.int()),
    items: z.array(
      z.strictObject({
        subjectId: z.uuid(),
        outcome: z.enum(["would_do", "would_skip"]),
        reasonCode: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: "AutomationPreview" });
