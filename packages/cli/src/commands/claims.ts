import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  defaultDropRoot,
  defaultTransportResolver,
  followUpDeniedClaim,
  importInboundFile,
  listDeniedClaims,
  practiceToday,
  submitClaims,
} from "@billcycle/app";
import { claimFollowUpActions, systemClock } from "@billcycle/core";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

export const registerClaimsCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();

  const denials = program.command("denials").description("denied and rejected claims");
  denials
    .command("list")
    .description("the denials queue, with the payer's codes in words and the actions allowed on each")
    .addOption(practice())
    .action(async (o: { practice: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        const page = await listDeniedClaims(database, { actor, limit: 200, now: systemClock.now() });
        if (page.data.length === 0) out("No denied or rejected claims.");
        for (const d of page.data) {
          out(
            `${d.patientControlNumber}  ${d.stage}  ${d.clientName}  ${d.payerName}  $${(d.insuranceOpenCents / 100).toFixed(2)} owed by insurance`,
          );
          for (const c of [...d.adjustmentCodes, ...d.remarkCodes, ...d.rejection])
            out(`  ${c.code}: ${c.description}`);
          out(`  actions: ${d.actions.join(", ")}`);
        }
      } finally {
        await database.close();
      }
    });
  denials
    .command("act <claimId>")
    .description("act on a denied claim: replace (7), void_at_payer (8), resubmit, write_off, bill_client")
    .addOption(practice())
    .addOption(
      new Option("--action <action>", "what to do").choices(claimFollowUpActions).makeOptionMandatory(),
    )
    .requiredOption("--reason <text>", "why (recorded with the action)")
    .option("--diagnoses <codes>", "with replace: corrected ICD-10 codes, comma-separated")
    .action(
      async (
        claimId: string,
        o: {
          practice: string;
          action: (typeof claimFollowUpActions)[number];
          reason: string;
          diagnoses?: string;
        },
      ) => {
        const database = await openConfiguredDatabase(() => undefined);
        try {
          const actor = await cliActor(database, o.practice);
          const diagnosisCodes = o.diagnoses
            ?.split(",")
            .map((d) => d.trim().toUpperCase())
            .filter(Boolean);
          const r = await followUpDeniedClaim(database, {
            actor,
            claimId,
            action: o.action,
            reason: o.reason,
            ...(diagnosisCodes?.length ? { corrections: { diagnosisCodes } } : {}),
            now: systemClock.now(),
          });
          out(
            r.newPatientControlNumber
              ? `claim ${r.newPatientControlNumber} written; it goes out with the next Claims Submission`
              : r.amountCents !== null
                ? `$${(r.amountCents / 100).toFixed(2)} ${o.action === "write_off" ? "written off" : "billed to the client"}`
                : "back to Awaiting Submission",
          );
        } finally {
          await database.close();
        }
      },
    );

  program
    .command("era")
    .description("electronic remittances")
    .command("import <file>")
    .description("import an 835 (or a 999/277CA) file and post it by the practice's rules")
    .addOption(practice())
    .action(async (file: string, o: { practice: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        out(`reading ${file}…`);
        const r = await importInboundFile(
          database,
          o.practice,
          { name: basename(file), content: readFileSync(file) },
          systemClock.now(),
          actor.label,
        );
        out(
          `${r.name}: ${r.kind} ${r.status}${r.code ? ` (${r.code})` : ""}${r.error ? ` — ${r.error}` : ""}`,
        );
        for (const rem of r.remittances ?? []) {
          out(
            `  remittance ${rem.traceNumber}: ${rem.status}; ${rem.claims} claims, ${rem.posted} posted, ${rem.queued} in the work queue`,
          );
        }
        if (r.acknowledgments)
          out(
            `  accepted ${r.acknowledgments.accepted}, rejected ${r.acknowledgments.rejected}, unmatched ${r.acknowledgments.unmatched}`,
          );
        if (r.status === "rejected") process.exitCode = 1;
      } finally {
        await database.close();
      }
    });

  program
    .command("claims")
    .description("claims")
    .command("submit")
    .description("scrub claims awaiting submission and send them as an 837P (--dry-run: show, send nothing)")
    .addOption(practice())
    .option("--dry-run", "scrub and build the file without storing or sending anything")
    .option("--print", "print the 837P file (with --dry-run)")
    .action(async (o: { practice: string; dryRun?: boolean; print?: boolean }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        await cliActor(database, o.practice);
        const now = systemClock.now();
        const { today } = await practiceToday(database.db, o.practice, now);
        out(`claims submission for ${today}${o.dryRun ? " (dry run)" : ""}…`);
        const r = await submitClaims(
          database,
          { practiceId: o.practice, runId: null, trigger: "manual", today },
          now,
          { transportFor: defaultTransportResolver({ dropRoot: defaultDropRoot() }) },
          { dryRun: o.dryRun === true },
        );
        out(
          `considered ${r.considered}; scrubber rejected ${r.scrubberRejected}; excluded ${r.excluded}; ${o.dryRun ? "would submit" : "submitted"} ${r.submitted} in ${r.files} file(s); delivery: ${r.delivery}`,
        );
        if (o.print && r.fileContent) out(r.fileContent.replaceAll("~", "~\n"));
      } finally {
        await database.close();
      }
    });
};
