import { userInfo } from "node:os";
import { loadSecretKey, readSecretKeyFile, rotateSecretKey } from "@billcycle/app";
import { systemClock } from "@billcycle/core";
import type { Command } from "commander";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

export const registerSecretsCommands = (program: Command) => {
  program
    .command("secrets")
    .description("the key clearinghouse passwords and private keys are encrypted with")
    .command("rotate")
    .description(
      "re-encrypt every stored secret from the old key (a file) to the current key (BILLCYCLE_SECRET_KEY, " +
        "else <data dir>/secret.key, created when absent); stop the server and workers first",
    )
    .requiredOption("--from-key-file <file>", "the old key, base64 as in secret.key")
    .action(async (o: { fromKeyFile: string }) => {
      const from = readSecretKeyFile(o.fromKeyFile);
      const to = loadSecretKey();
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const r = await rotateSecretKey(
          database,
          { from, to },
          systemClock.now(),
          `cli:${userInfo().username}`,
        );
        out(
          `${r.reencrypted} secret(s) re-encrypted under the current key; ${r.alreadyRotated} already were`,
        );
        out("Start billcycle with the current key, then destroy the old key file and any copy of it.");
      } finally {
        await database.close();
      }
    });
};
