/** Who may sign a session's progress note, from who is acting and who the session's provider is. */
export type NoteSignerFacts = {
  /** The signing user (null: an API token of no user, or the system). */
  userId: string | null;
  /** Whether the user may sign for other providers (the clinical:supervise permission). */
  supervises: boolean;
  /** The user linked to the session's rendering provider, if any. */
  providerUserId: string | null;
  providerName: string;
};

export type NoteSignerDecision = { may: true; as: "author" | "supervisor" } | { may: false; reason: string };

/**
 * A note is signed by its author: the session's provider, signing as the user linked to that provider. A supervisor
 * (clinical:supervise) may sign for a provider, and the signature records that it was the supervisor. Anyone else
 * is refused — they can ask the provider instead.
 */
export const decideNoteSigner = (f: NoteSignerFacts): NoteSignerDecision => {
  if (f.userId !== null && f.userId === f.providerUserId) return { may: true, as: "author" };
  if (f.userId !== null && f.supervises) return { may: true, as: "supervisor" };
  return {
    may: false,
    reason:
      f.providerUserId === null
        ? `Only ${f.providerName} can sign this note, and ${f.providerName} is not linked to a billcycle user yet (or a supervisor can sign for them)`
        : `Only ${f.providerName}, the session's provider, or a supervisor can sign this note; ask ${f.providerName} to sign it`,
  };
};
