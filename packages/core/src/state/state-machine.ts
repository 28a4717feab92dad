import { DomainError } from "../errors/domain-error";

/** A state machine declared as data: the one transition table for one status column. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export const canTransition = <S extends string>(table: TransitionTable<S>, from: S, to: S): boolean =>
  table[from].includes(to);

/** Throws ILLEGAL_TRANSITION with both states named, so a caller sees what was refused and why. */
export const assertTransition = <S extends string>(
  machine: string,
  table: TransitionTable<S>,
  from: S,
  to: S,
): void => {
  if (!canTransition(table, from, to)) {
    const allowed = table[from];
    throw new DomainError(
      "ILLEGAL_TRANSITION",
      `${machine} cannot go from ${from} to ${to}` +
        (allowed.length ? ` (allowed: ${allowed.join(", ")})` : ` (${from} is final)`),
      { machine, from, to, allowed: [...allowed] },
    );
  }
};

/**
 * The states a move to `to` may start from: what a bulk writer puts in its WHERE clause, so the database updates
 * only rows whose current status the table lets move (`AND status = ANY(sourcesOf(table, to))`).
 */
export const sourcesOf = <S extends string>(table: TransitionTable<S>, to: S): S[] =>
  (Object.keys(table) as S[]).filter((from) => table[from].includes(to));
