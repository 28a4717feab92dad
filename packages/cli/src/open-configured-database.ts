import { configFromEnv, type Database, describeTightened, migrate, openDatabase } from "@billcycle/db";

/** Opens the database named by the environment (DATABASE_URL, else PGlite in BILLCYCLE_DATA_DIR or ./data) and migrates it. */
export const openConfiguredDatabase = async (log: (msg: string) => void): Promise<Database> => {
  const config = configFromEnv();
  log(
    config.kind === "postgres"
      ? "database: PostgreSQL (DATABASE_URL)"
      : `database: embedded PGlite in ${config.dataDir}`,
  );
  const database = await openDatabase(
    config.kind === "pglite"
      ? { ...config, onTightened: (changes) => log(describeTightened(changes)) }
      : config,
  );
  const { applied } = await migrate(database);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  return database;
};
