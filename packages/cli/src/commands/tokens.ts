import { userInfo } from "node:os";
import { type Actor, createApiToken, listApiTokens, revokeApiToken } from "@billcycle/app";
import {
  API_TOKEN_DEFAULT_DAYS,
  DomainError,
  systemClock,
  type TokenScope,
  tokenScopes,
} from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { type Command, Option } from "commander";
import { eq } from "drizzle-orm";
import { openConfiguredDatabase } from "../open-configured-database";
import { cliInstant } from "../practice-time";

const out = (line = "") => process.stdout.write(`${line}\n`);

/** The operator at the command line, audited as cli:<os user>. */
const operator = (): Actor => ({
  userId: null,
  practiceId: null,
  role: null,
  label: `cli:${userInfo().username}`,
});

const userIdByEmail = async (database: Database, email: string): Promise<string> => {
  const [u] = await database.db
    .select({ id: tables.users.id })
    .from(tables.users)
    .where(eq(tables.users.email, email.trim().toLowerCase()));
  if (!u) throw new DomainError("NOT_FOUND", `No user ${email}`);
  return u.id;
};

const withDatabase = async (work: (database: Database) => Promise<void>) => {
  const database = await openConfiguredDatabase(() => undefined);
  try {
    await work(database);
  } finally {
    await database.close();
  }
};

export const registerTokenCommands = (program: Command) => {
  const token = program.command("token").description("API tokens (Bearer credentials for scripts)");

  token
    .command("create")
    .description("make an API token for a user; the secret is printed once")
    .requiredOption("--user <email>", "whose token it is")
    .requiredOption("--name <name>", "what it is for")
    .option("--days <n>", `days until it expires (1 to 365)`, String(API_TOKEN_DEFAULT_DAYS))
    .addOption(
      new Option("--scope <scope>", "read (GET only) or write (all the user's role allows)")
        .choices([...tokenScopes])
        .default("read"),
    )
    .action(async (o: { user: string; name: string; days: string; scope: TokenScope }) => {
      await withDatabase(async (database) => {
        const userId = await userIdByEmail(database, o.user);
        const made = await createApiToken(
          database,
          { userId, name: o.name, expiresInDays: Number(o.days), scopes: [o.scope], createdVia: "cli" },
          operator(),
          systemClock.now(),
        );
        out(`token ${made.id} (${made.scopes.join(", ")}) expires ${cliInstant(made.expiresAt, "UTC")}`);
        out(made.token);
        out("Store it now: it is not shown again. Revoke it with `billcycle token revoke <id>`.");
      });
    });

  token
    .command("list")
    .description("a user's API tokens, newest first (never their secrets)")
    .requiredOption("--user <email>")
    .action(async (o: { user: string }) => {
      await withDatabase(async (database) => {
        const tokens = await listApiTokens(
          database,
          await userIdByEmail(database, o.user),
          systemClock.now(),
        );
        if (!tokens.length) out("no tokens");
        for (const t of tokens) {
          const used = t.lastUsedAt ? `used ${cliInstant(t.lastUsedAt, "UTC")}` : "never used";
          out(
            `${t.id}  ${t.status.padEnd(7)}  ${t.scopes.join(",").padEnd(5)}  expires ${cliInstant(t.expiresAt, "UTC")}  ${used}  ${t.name}`,
          );
        }
      });
    });

  token
    .command("revoke <id>")
    .description("revoke an API token (any user's); the next request with it is refused")
    .action(async (id: string) => {
      await withDatabase(async (database) => {
        const t = await revokeApiToken(
          database,
          { tokenId: id, ownerId: null },
          operator(),
          systemClock.now(),
        );
        out(`token ${t.id} (${t.name}) revoked at ${cliInstant(t.revokedAt, "UTC")}`);
      });
    });
};
