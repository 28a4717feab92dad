import { notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { practiceToday } from "../automation/practice-today";
import type { TenantActor } from "../resources/crud";
import { type ScrubResult, scrubClaims } from "./scrub-claims";

/** Scrubs one claim again after its data was fixed; a rejected claim that now passes awaits submission again. */
export const rescrubClaim = async (
  database: Database,
  { actor, claimId, now }: { actor: TenantActor; claimId: string; now: Date },
): Promise<ScrubResult> => {
  const { today } = await practiceToday(database.db, actor.practiceId, now);
  return database.db.transaction(async (tx) => {
    const [claim] = await tx
      .select({ id: tables.claims.id })
      .from(tables.claims)
      .where(and(eq(tables.claims.practiceId, actor.practiceId), eq(tables.claims.id, claimId)));
    if (!claim) throw notFound("Claim");
    const [result] = await scrubClaims(tx, {
      practiceId: actor.practiceId,
      claimIds: [claimId],
      today,
      now,
      actor: actor.label,
    });
    return result!;
  });
};
