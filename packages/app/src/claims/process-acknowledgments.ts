import { type Executor, newId, tables } from "@billcycle/db";
import { type Ack999, type ClaimAcknowledgment277, parse277CA, parse999 } from "@billcycle/x12";
import { and, eq, inArray } from "drizzle-orm";
import { transitionClaims } from "./transition-claims";

type AckDetail = { code: string; text: string; detail?: string };

const errorDetails999 = (t: Ack999["transactionSets"][number]): AckDetail[] => [
  ...t.errors.map((e) => ({ code: `IK5-${e.code}`, text: e.text ?? e.code })),
  ...t.segmentErrors.flatMap((s) => [
    {
      code: `IK3-${s.error?.code ?? "?"}`,
      text: s.error?.text ?? "segment error",
      detail: `segment ${s.segmentId} at position ${s.position}${s.loopId ? ` (loop ${s.loopId})` : ""}`,
    },
    ...s.elementErrors.map((el) => ({
      code: `IK4-${el.error.code}`,
      text: el.error.text ?? el.error.code,
      detail: `${s.segmentId}${String(el.position.element).padStart(2, "0")}${el.badData ? ` = "${el.badData}"` : ""}`,
    })),
  ]),
];

/**
 * A 999 acknowledges our 837P file's functional group (AK1 = our GS06) and each transaction set (AK2 = our ST02).
 * Accepted sets move their claims to Accepted; rejected sets to Rejected, with every IK3/IK4 error and its text.
 */
export const process999 = async (
  tx: Executor,
  practiceId: string,
  fileId: string,
  content: string,
  now: Date,
) => {
  const acks = parse999(content);
  let accepted = 0;
  let rejected = 0;
  let unmatched = 0;
  for (const ack of acks) {
    const [sent] = await tx
      .select()
      .from(tables.clearinghouseFiles)
      .where(
        and(
          eq(tables.clearinghouseFiles.practiceId, practiceId),
          eq(tables.clearinghouseFiles.direction, "outbound"),
          eq(tables.clearinghouseFiles.groupControlNumber, String(Number(ack.functionalGroup.controlNumber))),
        ),
      );
    if (!sent) {
      unmatched++;
      continue;
    }
    for (const t of ack.transactionSets) {
      const claimIds = (
        await tx
          .select({ id: tables.claimSubmissions.claimId })
          .from(tables.claimSubmissions)
          .where(
            and(
              eq(tables.claimSubmissions.fileId, sent.id),
              eq(tables.claimSubmissions.transactionControlNumber, t.controlNumber),
            ),
          )
      ).map((r) => r.id);
      const ok = t.status === "accepted" || t.status === "acceptedWithErrors";
      const details = errorDetails999(t);
      if (claimIds.length) {
        await tx.insert(tables.claimAcknowledgments).values(
          claimIds.map((claimId) => ({
            id: newId(now.getTime()),
            practiceId,
            fileId,
            acknowledgesFileId: sent.id,
            claimId,
            kind: "999" as const,
            outcome: ok
              ? ("accepted" as const)
              : t.status === "partiallyAccepted"
                ? ("partially_accepted" as const)
                : ("rejected" as const),
            details,
            at: now,
          })),
        );
      }
      const cause = {
        kind: "acknowledgment" as const,
        ack: "999",
        fileId,
        transactionSet: t.controlNumber,
        code: t.ack.code,
      };
      const moved = await transitionClaims(tx, {
        practiceId,
        claimIds,
        to: ok ? "accepted" : "rejected",
        now,
        actor: "system:acknowledgments",
        cause,
      });
      if (ok) accepted += moved.moved.length;
      else rejected += moved.moved.length;
    }
  }
  return { accepted, rejected, unmatched };
};

/**
 * A 277CA reports each claim (TRN*2 = our patient control number): accepted claims become Accepted and keep the
 * payer's claim number (REF*1K); rejected claims become Rejected with each STC category/status/entity code and text.
 */
export const process277CA = async (
  tx: Executor,
  practiceId: string,
  fileId: string,
  content: string,
  now: Date,
) => {
  const acks: ClaimAcknowledgment277[] = parse277CA(content);
  let accepted = 0;
  let rejected = 0;
  let unmatched = 0;
  for (const ack of acks) {
    const statuses = ack.claims.filter((c) => c.patientControlNumber);
    const pcns = statuses.map((c) => c.patientControlNumber!);
    const ours = pcns.length
      ? await tx
          .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
          .from(tables.claims)
          .where(
            and(eq(tables.claims.practiceId, practiceId), inArray(tables.claims.patientControlNumber, pcns)),
          )
      : [];
    const byPcn = new Map(ours.map((c) => [c.pcn, c.id]));
    for (const s of statuses) {
      const claimId = byPcn.get(s.patientControlNumber!);
      if (!claimId) {
        unmatched++;
        continue;
      }
      const details: AckDetail[] = s.statuses.flatMap((st) =>
        st.codes.map((code) => ({
          code: `${code.category.code}:${code.status.code}${code.entity ? `:${code.entity.code}` : ""}`,
          text: [code.category.text, code.status.text, code.entity?.text].filter(Boolean).join(" — "),
          ...(st.message ? { detail: st.message } : {}),
        })),
      );
      const outcome =
        s.disposition === "accepted"
          ? "accepted"
          : s.disposition === "rejected"
            ? "rejected"
            : s.disposition === "pending"
              ? "pending"
              : "other";
      await tx.insert(tables.claimAcknowledgments).values({
        id: newId(now.getTime()),
        practiceId,
        fileId,
        claimId,
        kind: "277CA",
        outcome,
        payerClaimNumber: s.payerClaimControlNumber ?? null,
        details,
        at: now,
      });
      if (outcome !== "accepted" && outcome !== "rejected") continue;
      const cause = {
        kind: "acknowledgment" as const,
        ack: "277CA",
        fileId,
        codes: details.map((d) => d.code),
      };
      const extra = s.payerClaimControlNumber ? { payerClaimNumber: s.payerClaimControlNumber } : {};
      const moved = await transitionClaims(tx, {
        practiceId,
        claimIds: [claimId],
        to: outcome,
        now,
        actor: "system:acknowledgments",
        cause,
        extra,
      });
      if (outcome === "accepted") {
        if (moved.moved.length === 0 && s.payerClaimControlNumber)
          await tx.update(tables.claims).set(extra).where(eq(tables.claims.id, claimId));
        accepted++;
      } else rejected += moved.moved.length;
    }
  }
  return { accepted, rejected, unmatched };
};
