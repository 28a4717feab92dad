import { defaultPostingRules, defaultPracticeBillingSettings, defaultPracticeLocale } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import type { CreatePracticeInput } from "./practice-schemas";

/** Creates a practice (the tenant) and, when given, makes `ownerUserId` its owner — in one transaction. */
export const createPractice = async (
  database: Database,
  {
    input,
    ownerUserId,
    now,
    id = newId(now.getTime()),
  }: { input: CreatePracticeInput; ownerUserId: string | null; now: Date; id?: string },
): Promise<{ id: string }> =>
  database.db
    .transaction(async (tx) => {
      await tx.insert(tables.practices).values({
        id,
        name: input.name,
        timeZone: input.timeZone,
        locale: input.locale ?? defaultPracticeLocale,
        address: input.address,
        taxId: input.taxId,
        billingNpi: input.billingNpi,
        taxonomyCode: input.taxonomyCode,
        phone: input.phone ?? null,
        billingContactName: input.billingContactName ?? null,
        billingContactEmail: input.billingContactEmail ?? null,
        billingSettings: { ...defaultPracticeBillingSettings, ...input.billingSettings },
        createdAt: now,
        updatedAt: now,
      });
      if (ownerUserId)
        await tx.insert(tables.memberships).values({ userId: ownerUserId, practiceId: id, role: "owner" });
      // Every practice starts with the standard posting rules (CO-45/253 write off, PR-1/2/3 patient responsibility).
      await tx.insert(tables.postingRules).values(
        defaultPostingRules.map((r) => ({
          ...r,
          groupCode: r.groupCode as "CO" | "PR",
          id: newId(now.getTime()),
          practiceId: id,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await recordAudit(
        tx,
        {
          userId: ownerUserId,
          practiceId: id,
          role: "owner",
          label: ownerUserId ? `user:${ownerUserId}` : "system:setup",
        },
        "create",
        "practice",
        id,
        now,
      );
      return { id };
    })
    .catch((e: unknown) => {
      throw translateDbError(e);
    });
