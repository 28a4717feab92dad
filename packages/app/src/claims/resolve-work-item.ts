import type { EraClaim } from "@billcycle/core";
import { DomainError, notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { getClaimsSettings } from "./claims-settings";
import { loadPostingRules, postRemittanceClaim } from "./import-remittance";
import { dismissRemittanceClaim } from "./remittance-status-writer";
import { closeWorkItem } from "./work-item-status-writer";

export type WorkItemAction =
  | { action: "dismiss"; reason: string }
  | { action: "post" }
  | { action: "match"; claimId: string };

/**
 * A person's answer to a work-queue item: dismiss it (with a reason), post it now (after a rule or data change,
 * or an unbalanced remittance reviewed and accepted), or match an unmatched claim to one of ours and post.
 * Posting uses the same decision and guarantees as the automatic import.
 */
export const resolveWorkItem = async (
  database: Database,
  { actor, itemId, input, now }: { actor: TenantActor; itemId: string; input: WorkItemAction; now: Date },
) =>
  database.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(tables.workQueueItems)
      .where(
        and(eq(tables.workQueueItems.practiceId, actor.practiceId), eq(tables.workQueueItems.id, itemId)),
      )
      .for("update");
    if (!item) throw notFound("Work item");
    if (item.status !== "open")
      throw new DomainError("ILLEGAL_TRANSITION", `This item is already ${item.status}`);
    const close = async (status: "resolved" | "dismissed", resolution: string) => {
      await closeWorkItem(tx, item, status, { resolution, resolvedAt: now, resolvedBy: actor.label });
      await recordAudit(tx, actor, "update", "work_queue_item", item.id, now, {
        status,
        action: input.action,
      });
    };
    if (input.action === "dismiss") {
      if (item.remittanceClaimId) await dismissRemittanceClaim(tx, item.remittanceClaimId);
      await close("dismissed", input.reason);
      return { status: "dismissed" as const };
    }
    const { settings } = await getClaimsSettings(tx, actor.practiceId);
    const ctx = {
      practiceId: actor.practiceId,
      rules: await loadPostingRules(tx, actor.practiceId),
      unknownCodeAction: settings.unknownCodeAction,
      now,
      actor: actor.label,
    };
    const remittanceClaims = item.remittanceClaimId
      ? await tx
          .select()
          .from(tables.remittanceClaims)
          .where(eq(tables.remittanceClaims.id, item.remittanceClaimId))
      : await tx
          .select()
          .from(tables.remittanceClaims)
          .where(
            and(
              eq(tables.remittanceClaims.remittanceId, item.remittanceId),
              eq(tables.remittanceClaims.postingStatus, "queued"),
            ),
          );
    const problems: string[] = [];
    for (const rc of remittanceClaims) {
      const claimId = input.action === "match" ? input.claimId : rc.claimId;
      const era = (rc.data as { era: EraClaim }).era;
      const r = await postRemittanceClaim(tx, ctx, rc.id, era, claimId);
      if (!r.posted) problems.push(r.queue.reason);
    }
    if (problems.length)
      throw new DomainError("CONFLICT", `Still cannot post: ${problems.join("; ")}`, { problems });
    await close("resolved", input.action === "match" ? `matched to claim ${input.claimId}` : "posted");
    return { status: "resolved" as const };
  });
