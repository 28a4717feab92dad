import { DomainError } from "@billcycle/core";

type PgErrorLike = { code?: string; constraint?: string; detail?: string; message?: string; cause?: unknown };

const findPgError = (e: unknown): PgErrorLike | null => {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur && typeof cur === "object"; depth++) {
    const c = cur as PgErrorLike;
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return null;
};

/**
 * Database refusals become domain errors: a composite foreign key that fails means the referenced record
 * does not exist in this practice; a unique violation is a conflict; a check constraint is bad input.
 */
export const translateDbError = (e: unknown): unknown => {
  const pgErr = findPgError(e);
  if (!pgErr) return e;
  switch (pgErr.code) {
    case "23503":
      // The same code covers both directions: deleting a record others still point at is a conflict, not a
      // missing reference.
      if (pgErr.detail?.includes("is still referenced") || pgErr.message?.startsWith("update or delete on")) {
        return new DomainError(
          "CONFLICT",
          "This record is still in use by other records; remove those first",
          {
            constraint: pgErr.constraint,
          },
        );
      }
      return new DomainError("REFERENCE_NOT_FOUND", "A referenced record does not exist in this practice", {
        constraint: pgErr.constraint,
      });
    case "23505":
      return new DomainError("CONFLICT", "A record with the same key already exists", {
        constraint: pgErr.constraint,
      });
    case "23514":
      return new DomainError("VALIDATION_FAILED", "The values are inconsistent", {
        constraint: pgErr.constraint,
      });
    case "40001":
    case "40P01":
      return new DomainError("CONFLICT", "A concurrent change conflicted; retry the request");
    default:
      return e;
  }
};
