#!/usr/bin/env -S npx tsx
import { userInfo } from "node:os";
import { createUser, setPlatformOperator } from "@billcycle/app";
import { isDomainError, type Role, roles, systemClock } from "@billcycle/core";
import { migrate, tables } from "@billcycle/db";
import { Command, Option } from "commander";
import { asc } from "drizzle-orm";
import { registerAutopayCommands } from "./commands/autopay";
import { registerClaimsCommands } from "./commands/claims";
import { registerDocumentCommands } from "./commands/documents";
import { registerEmployerBillingCommands } from "./commands/employer-billing";
import { registerEngineCommands } from "./commands/engine";
import { registerLedgerCommands } from "./commands/ledger";
import { registerOutreachCommands } from "./commands/outreach";
import { registerPaymentCommands } from "./commands/payments";
import { registerSecretsCommands } from "./commands/secrets";
import { registerShareCommands } from "./commands/share";
import { isProduction, startCommand } from "./commands/start";
import { registerTokenCommands } from "./commands/tokens";
import { workerCommand } from "./commands/worker";
import { seedDemo } from "./demo/seed-demo";
import { openConfiguredDatabase } from "./open-configured-database";

const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** Platform-level changes from the command line are audited as the machine's user. */
const cliOperator = () => ({
  userId: null,
  practiceId: null,
  role: null,
  label: `cli:${userInfo().username}`,
});

type UserCreateOptions = {
  email: string;
  name: string;
  password?: string;
  practice?: string;
  role: Role;
  operator?: boolean;
};

const program = new Command("billcycle").description("Billing automation for outpatient health practices");

program
  .command("start")
  .description("start the API and worker (embedded database unless DATABASE_URL is set)")
  .option("--port <port>", "HTTP port", process.env.PORT ?? "3000")
  .option("--host <host>", "address to listen on", process.env.HOST ?? "127.0.0.1")
  .option("--no-demo", "do not create the demo practices on an empty database")
  .option(
    "--production",
    "production mode (also NODE_ENV=production): never seeds demo data, refuses demo users",
  )
  .option("--allow-demo-users", "in production, start even though demo users exist")
  .action(startCommand);

program
  .command("worker")
  .description("run only the worker (clock and jobs); start several against one PostgreSQL to scale out")
  .option("--concurrency <n>", "jobs at once in this process", "1")
  .action(workerCommand);

registerEngineCommands(program);
registerAutopayCommands(program);
registerClaimsCommands(program);
registerLedgerCommands(program);
registerSecretsCommands(program);
registerShareCommands(program);
registerTokenCommands(program);
registerPaymentCommands(program);
registerDocumentCommands(program);
registerEmployerBillingCommands(program);
registerOutreachCommands(program);

program
  .command("practices")
  .description("list practices (id, time zone, name)")
  .action(async () => {
    const database = await openConfiguredDatabase(() => undefined);
    const rows = await database.db
      .select({ id: tables.practices.id, name: tables.practices.name, timeZone: tables.practices.timeZone })
      .from(tables.practices)
      .orderBy(asc(tables.practices.name));
    for (const r of rows) log(`${r.id}  ${r.timeZone.padEnd(20)} ${r.name}`);
    await database.close();
  });

program
  .command("migrate")
  .description("apply pending database migrations")
  .action(async () => {
    const database = await openConfiguredDatabase(log);
    const again = await migrate(database);
    log(again.applied.length ? `applied ${again.applied.join(", ")}` : "database is up to date");
    await database.close();
  });

program
  .command("seed")
  .description("load data")
  .requiredOption("--demo", "the demo practices, clinicians, clients and a month of appointments")
  .option("--production", "production mode (also NODE_ENV=production): refuses to seed")
  .action(async (opts: { production?: boolean }) => {
    if (isProduction(opts.production)) throw new Error("refusing to load demo data in production mode");
    const database = await openConfiguredDatabase(log);
    const summary = await seedDemo(database, systemClock.now(), log);
    log(
      summary
        ? `demo data created; sign in as ${summary.login.email} / ${summary.login.password}`
        : "demo data already present",
    );
    await database.close();
  });

const user = program.command("user").description("manage users");
user
  .command("create")
  .description("create a user, optionally a member of a practice")
  .requiredOption("--email <email>")
  .requiredOption("--name <name>")
  .option("--password <password>", "at least 12 characters, not a common one (or set BILLCYCLE_PASSWORD)")
  .option("--practice <id>", "practice to join")
  .addOption(new Option("--role <role>", "role in that practice").choices([...roles]).default("biller"))
  .option("--operator", "make the user a platform operator (may create practices)")
  .action(async (opts: UserCreateOptions) => {
    const password = opts.password ?? process.env.BILLCYCLE_PASSWORD;
    if (!password) throw new Error("give --password or set BILLCYCLE_PASSWORD");
    const database = await openConfiguredDatabase(log);
    try {
      const memberships = opts.practice ? [{ practiceId: opts.practice, role: opts.role }] : [];
      const { id } = await createUser(database, {
        input: { email: opts.email, name: opts.name, password },
        memberships,
        now: systemClock.now(),
        ...(opts.operator ? { operator: { actor: cliOperator() } } : {}),
      });
      log(
        `user ${opts.email} created (${id})${opts.practice ? ` as ${opts.role} of ${opts.practice}` : ""}` +
          (opts.operator ? ", platform operator" : ""),
      );
    } finally {
      await database.close();
    }
  });

user
  .command("operator")
  .description("grant or revoke the platform operator role (may create practices); audited")
  .argument("<email>")
  .option("--grant", "make the user an operator")
  .option("--revoke", "take the role away")
  .action(async (email: string, opts: { grant?: boolean; revoke?: boolean }) => {
    if (opts.grant === opts.revoke) throw new Error("give exactly one of --grant or --revoke");
    const database = await openConfiguredDatabase(log);
    try {
      const grant = opts.grant === true;
      const { changed } = await setPlatformOperator(database, email, grant, cliOperator(), systemClock.now());
      log(
        changed
          ? `${email} ${grant ? "is now" : "is no longer"} a platform operator`
          : `${email} ${grant ? "was already" : "was not"} a platform operator`,
      );
    } finally {
      await database.close();
    }
  });

/**
 * What failed, without the data it failed on: a database error's message quotes the failed query with its
 * parameters (a file's content, a patient's name), so only the database's own code and message are printed.
 */
const describeFailure = (e: unknown): string => {
  if (isDomainError(e)) return `${e.code}: ${e.message}`;
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause;
  if (e.message.startsWith("Failed query")) {
    const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
    return `database error${code ? ` ${code}` : ""}: ${cause instanceof Error ? cause.message : "query failed"}`;
  }
  return e.message;
};

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`billcycle: ${describeFailure(e)}\n`);
  process.exit(1);
});
