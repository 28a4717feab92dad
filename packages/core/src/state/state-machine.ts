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
