import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  defaultDropRoot,
  defaultTransportResolver,
  importInboundFile,
  practiceToday,
  submitClaims,
} from "@billcycle/app";
import { systemClock } from "@billcycle/core";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

export const registerClaimsCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();

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
