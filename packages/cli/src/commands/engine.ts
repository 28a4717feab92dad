import {
  automationConfigSchema,
  explainAppointmentBilling,
  getAutomationConfig,
  listAutomationRuns,
  loadBillingContext,
  practiceToday,
  previewAutomation,
  updateAutomationConfig,
} from "@billcycle/app";
import {
  type AutomationConfig,
  type AutomationKind,
  automationInfo,
  automationKinds,
  DomainError,
  describeRules,
  type ExclusionRule,
  invoiceCreationModes,
  type RuleField,
  type RuleOperator,
  ruleFields,
  ruleOperators,
  systemClock,
} from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { type Command, Option } from "commander";
import { DateTime } from "luxon";
import { cliActor, practiceOfAppointment } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);
const quiet = () => undefined;

const withDatabase = async (fn: (database: Database) => Promise<void>) => {
  const database = await openConfiguredDatabase(quiet);
  try {
    await fn(database);
  } finally {
    await database.close();
  }
};

const kindArg = (value: string): AutomationKind => {
  const kind = value.replaceAll("-", "_") as AutomationKind;
  if (!automationKinds.includes(kind))
    throw new DomainError("VALIDATION_FAILED", `automation is one of ${automationKinds.join(", ")}`);
  return kind;
};

const printSettings = async (database: Database, practiceId: string) => {
  const { config, version } = await getAutomationConfig(database.db, practiceId);
  const { timeZone, today } = await practiceToday(database.db, practiceId, systemClock.now());
  const ctx = await loadBillingContext(database.db, practiceId, today);
  out(`practice ${practiceId} (${timeZone}) — settings version ${version}`);
  out(`cadence: ${config.cadence}; invoice creation mode: ${config.invoiceCreationMode}`);
  for (const k of automationKinds) {
    const s = config.automations[k];
    out(
      `- ${automationInfo[k].title}: ${s.enabled ? "ON" : "off"} at ${s.runTime}${s.startDate ? `, from ${s.startDate}` : ""}`,
    );
    for (const r of s.rules) out(`    rule ${r.id} '${r.name}'`);
    out(`    ${describeRules(s.rules, ctx.eligibility.labels)}`);
  }
};

/** Reads, changes and saves the settings in one go (validated like the API). */
const change = async (database: Database, practiceId: string, fn: (c: AutomationConfig) => void) => {
  const actor = await cliActor(database, practiceId);
  const { config, version } = await getAutomationConfig(database.db, practiceId);
  const next = structuredClone(config);
  fn(next);
  const parsed = automationConfigSchema.safeParse(next);
  if (!parsed.success) {
    throw new DomainError(
      "VALIDATION_FAILED",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  await updateAutomationConfig(database, {
    actor,
    next: parsed.data,
    expectedVersion: version,
    now: systemClock.now(),
  });
};

const parseCondition = (text: string): ExclusionRule["conditions"][number] => {
  const [field, operator, ...rest] = text.trim().split(/\s+/);
  if (!ruleFields.includes(field as RuleField))
    throw new DomainError("VALIDATION_FAILED", `field is one of ${ruleFields.join(", ")}`);
  if (!ruleOperators.includes(operator as RuleOperator)) {
    throw new DomainError("VALIDATION_FAILED", `operator is one of ${ruleOperators.join(", ")}`);
  }
  const values = rest
    .join(" ")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return { field: field as RuleField, operator: operator as RuleOperator, values };
};

export const registerEngineCommands = (program: Command) => {
  const automation = program.command("automation").description("automation settings of a practice");
  const practiceOption = () => new Option("--practice <id>", "practice id").makeOptionMandatory();

  automation
    .command("show")
    .addOption(practiceOption())
    .action(async (o: { practice: string }) => withDatabase((db) => printSettings(db, o.practice)));

  automation
    .command("enable <automation>")
    .description("turn an automation on (prints what it will do)")
    .addOption(practiceOption())
    .action(async (kind: string, o: { practice: string }) =>
      withDatabase(async (db) => {
        const k = kindArg(kind);
        out(automationInfo[k].explanation);
        await change(db, o.practice, (c) => {
          c.automations[k].enabled = true;
        });
        out(`${automationInfo[k].title} enabled.`);
      }),
    );

  automation
    .command("disable <automation>")
    .addOption(practiceOption())
    .action(async (kind: string, o: { practice: string }) =>
      withDatabase(async (db) => {
        const k = kindArg(kind);
        await change(db, o.practice, (c) => {
          c.automations[k].enabled = false;
        });
        out(`${automationInfo[k].title} disabled.`);
      }),
    );

  automation
    .command("set <automation>")
    .description("set run time (HH:MM, practice local) and start date")
    .addOption(practiceOption())
    .option("--run-time <HH:MM>")
    .option("--start-date <YYYY-MM-DD|none>")
    .action(async (kind: string, o: { practice: string; runTime?: string; startDate?: string }) =>
      withDatabase(async (db) => {
        const k = kindArg(kind);
        await change(db, o.practice, (c) => {
          if (o.runTime) c.automations[k].runTime = o.runTime;
          if (o.startDate) c.automations[k].startDate = o.startDate === "none" ? null : o.startDate;
        });
        await printSettings(db, o.practice);
      }),
    );

  automation
    .command("mode <mode>")
    .description(`invoice creation mode: ${invoiceCreationModes.join(", ")}`)
    .addOption(practiceOption())
    .action(async (mode: string, o: { practice: string }) =>
      withDatabase(async (db) => {
        await change(db, o.practice, (c) => {
          c.invoiceCreationMode = mode.replaceAll("-", "_") as AutomationConfig["invoiceCreationMode"];
        });
        out(`invoice creation mode: ${mode}`);
      }),
    );

  automation
    .command("cadence <cadence>")
    .description("staggered (a day at each step) or same_night")
    .addOption(practiceOption())
    .action(async (cadence: string, o: { practice: string }) =>
      withDatabase(async (db) => {
        await change(db, o.practice, (c) => {
          c.cadence = cadence.replaceAll("-", "_") as AutomationConfig["cadence"];
        });
        out(`cadence: ${cadence}`);
      }),
    );

  automation
    .command("add-rule <automation>")
    .description(
      'add an exclusion rule: --if "client_pays_by equals self_pay" [--if …] (conditions are ANDed)',
    )
    .addOption(practiceOption())
    .requiredOption("--name <name>")
    .requiredOption("--if <condition...>", "field operator value[,value]")
    .action(async (kind: string, o: { practice: string; name: string; if: string[] }) =>
      withDatabase(async (db) => {
        const k = kindArg(kind);
        const id = `rule-${Date.now().toString(36)}`;
        await change(db, o.practice, (c) => {
          c.automations[k].rules.push({ id, name: o.name, conditions: o.if.map(parseCondition) });
        });
        out(`rule ${id} added`);
        await printSettings(db, o.practice);
      }),
    );

  automation
    .command("remove-rule <automation> <ruleId>")
    .addOption(practiceOption())
    .action(async (kind: string, ruleId: string, o: { practice: string }) =>
      withDatabase(async (db) => {
        const k = kindArg(kind);
        await change(db, o.practice, (c) => {
          const before = c.automations[k].rules.length;
          c.automations[k].rules = c.automations[k].rules.filter((r) => r.id !== ruleId);
          if (c.automations[k].rules.length === before)
            throw new DomainError("NOT_FOUND", `no rule ${ruleId}`);
        });
        out(`rule ${ruleId} removed`);
      }),
    );

  program
    .command("why <appointment>")
    .description("why wasn't this session billed, and what will happen tonight?")
    .action(async (appointmentId: string) =>
      withDatabase(async (db) => {
        const practiceId = await practiceOfAppointment(db, appointmentId);
        const e = await explainAppointmentBilling(db, {
          actor: await cliActor(db, practiceId),
          appointmentId,
          now: systemClock.now(),
        });
        out(`appointment ${e.appointmentId} — ${e.status}, date of service ${e.dateOfService}`);
        if (e.billed) out(`billed: on invoice ${e.billed.invoiceNumber}`);
        else if (e.reasons.length === 0) out("not billed yet, and nothing stands in the way");
        for (const r of e.reasons) out(`  ✗ ${r.message} [${r.code}]${r.fix ? ` → ${r.fix}` : ""}`);
        out(`tonight: ${e.tonight}`);
        if (e.history.length) {
          out("history:");
          for (const h of e.history)
            out(`  ${h.at} ${h.automation} (${h.trigger}): ${h.outcome} — ${h.message}`);
        }
      }),
    );

  program
    .command("preview <automation>")
    .description("what the next run would do, without doing it")
    .addOption(practiceOption())
    .option("--items <n>", "items to list", "20")
    .action(async (kind: string, o: { practice: string; items: string }) =>
      withDatabase(async (db) => {
        const p = await previewAutomation(db, {
          actor: await cliActor(db, o.practice),
          kind: kindArg(kind),
          now: systemClock.now(),
        });
        out(
          `${automationInfo[p.automation].title} ${p.enabled ? "" : "(off) "}— run for ${p.localDate} at ${p.runAt}`,
        );
        out(`would process ${p.wouldDo}, would skip ${p.wouldSkip}`);
        for (const [code, n] of Object.entries(p.byReason)) out(`  ${code}: ${n}`);
        for (const i of p.items.slice(0, Number(o.items)))
          out(`  ${i.outcome === "would_do" ? "✓" : "✗"} ${i.subjectId} ${i.message}`);
      }),
    );

  program
    .command("runs")
    .description("automation run history")
    .addOption(practiceOption())
    .option("--limit <n>", "runs", "20")
    .action(async (o: { practice: string; limit: string }) =>
      withDatabase(async (db) => {
        const { timeZone } = await practiceToday(db.db, o.practice, systemClock.now());
        const { data } = await listAutomationRuns(db, o.practice, { limit: Number(o.limit) });
        for (const r of data) {
          const local = DateTime.fromJSDate(r.scheduledAt, { zone: timeZone }).toFormat("yyyy-LL-dd HH:mm");
          const late = r.late ? ` LATE by ${Math.round((r.latenessMs ?? 0) / 60000)} min` : "";
          out(
            `${local} ${r.automation.padEnd(18)} ${r.status.padEnd(8)} ${r.durationMs ?? "-"} ms${late} ${JSON.stringify(r.counts ?? {})}${r.note ? ` — ${r.note}` : ""}`,
          );
        }
      }),
    );
};
