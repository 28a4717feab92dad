import type { LoadClientStatement } from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import type { AppDeps } from "./deps";

/**
 * LEDGER SEAM (the one place): the client statement comes from the ledger's `loadClientStatement`, given to the
 * server as `AppDeps.loadStatement`. Without it a statement cannot be stated, and the route says so (409).
 */
export const statementLoaderOf =
  (deps: AppDeps): LoadClientStatement =>
  (tx, query) => {
    if (!deps.loadStatement)
      throw new DomainError(
        "CONFLICT",
        "Client statements need the client ledger, which this server does not have",
        {
          reason: "LEDGER_MISSING",
        },
      );
    return deps.loadStatement(tx, query);
  };
