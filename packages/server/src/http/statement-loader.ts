import { type LoadClientStatement, loadClientStatement } from "@billcycle/app";
import type { AppDeps } from "./deps";

/**
 * The client statement comes from the ledger's `loadClientStatement`; `AppDeps.loadStatement` replaces it (tests).
 */
export const statementLoaderOf =
  (deps: AppDeps): LoadClientStatement =>
  (tx, query) =>
    deps.loadStatement
      ? deps.loadStatement(tx, query)
      : loadClientStatement(tx, {
          practiceId: query.practiceId,
          clientId: query.clientId,
          from: query.from,
          to: query.to,
        });
