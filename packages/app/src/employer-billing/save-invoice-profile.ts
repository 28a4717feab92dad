import { DomainError, parseInvoiceNumberFormat } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { findEmployer, resolveProfile } from "./employer-billing-context";
import type { InvoiceProfileBody, InvoiceProfileView } from "./employer-billing-schemas";

/**
 * Saves the practice's invoice profile (employerId null) or one employer's, with optimistic concurrency: `version`
 * is the one read (0 when none was saved yet).
 */
export const saveInvoiceProfile = async (
  database: { db: Executor },
  input: {
    actor: TenantActor;
    employerId: string | null;
    profile: InvoiceProfileBody;
    version: number;
    now: Date;
  },
): Promise<InvoiceProfileView> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  const t = tables.employerInvoiceProfiles;
  // Refused before anything is read: an unknown token would otherwise fail only at the next batch.
  parseInvoiceNumberFormat(input.profile.numberPrefix ?? "INV-");
  try {
    return await database.db.transaction(async (tx) => {
      if (input.employerId) await findEmployer(tx, practiceId, input.employerId);
      const [existing] = await tx
        .select()
        .from(t)
        .where(
          and(
            eq(t.practiceId, practiceId),
            input.employerId ? eq(t.employerId, input.employerId) : isNull(t.employerId),
          ),
        )
        .for("update");
      if ((existing?.version ?? 0) !== input.version) {
        throw new DomainError(
          "VERSION_CONFLICT",
          "The invoice profile was changed by someone else: reload it",
          {
            currentVersion: existing?.version ?? 0,
          },
        );
      }
      const p = input.profile;
      const values = {
        header: p.header,
        remitTo: p.remitTo,
        logoText: p.logoText ?? null,
        termsDays: p.termsDays ?? null,
        columns: p.columns,
        grouping: p.grouping,
        delivery: p.delivery,
        numberPrefix: p.numberPrefix ?? "INV-",
        updatedAt: now,
      };
      if (existing) {
        await tx
          .update(t)
          .set({ ...values, version: existing.version + 1 })
          .where(and(eq(t.practiceId, practiceId), eq(t.id, existing.id)));
      } else {
        await tx.insert(t).values({
          id: newId(now.getTime()),
          practiceId,
          employerId: input.employerId,
          createdAt: now,
          ...values,
        });
      }
      await recordAudit(
        tx,
        actor,
        existing ? "update" : "create",
        "employer_invoice_profile",
        existing?.id ?? null,
        now,
        {
          employerId: input.employerId,
        },
      );
      return resolveProfile(tx, practiceId, input.employerId);
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
