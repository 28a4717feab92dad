import {
  type AutomationConfig,
  automationKinds,
  defaultAutomationConfig,
  invoiceCreationModes,
  isRunTime,
  ruleFields,
  ruleOperators,
  valuesExpected,
} from "@billcycle/core";
import { z } from "zod";
import { localDate } from "../schemas/common";

const condition = z
  .strictObject({
    field: z.enum(ruleFields),
    operator: z.enum(ruleOperators),
    values: z.array(z.string().max(100)).max(100),
  })
  .superRefine((c, ctx) => {
    const { min, max } = valuesExpected(c.operator);
    if (c.values.length < min || c.values.length > max) {
      ctx.addIssue({
        code: "custom",
        path: ["values"],
        message: `operator ${c.operator} takes ${min === max ? min : `${min} to ${max}`} value${max === 1 ? "" : "s"}`,
      });
    }
  });

export const exclusionRuleSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  conditions: z.array(condition).min(1).max(20),
});

const runTime = z.string().refine(isRunTime, { message: "run time is HH:MM on a 24-hour clock, e.g. 23:00" });

const setting = z.strictObject({
  enabled: z.boolean(),
  runTime,
  startDate: localDate.nullable(),
  rules: z.array(exclusionRuleSchema).max(50),
});

export const automationConfigSchema = z.strictObject({
  cadence: z.enum(["staggered", "same_night"]),
  invoiceCreationMode: z.enum(invoiceCreationModes),
  automations: z.strictObject(
    // Autopay came later: a configuration sent without it keeps autopay off.
    Object.fromEntries(
      automationKinds.map((k) => [
        k,
        k === "autopay" ? setting.default(defaultAutomationConfig().automations.autopay) : setting,
      ]),
    ) as Record<(typeof automationKinds)[number], typeof setting>,
  ),
}) satisfies z.ZodType<AutomationConfig>;
