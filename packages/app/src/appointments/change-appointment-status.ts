import {
  type AppointmentStatus,
  appointmentTransitions,
  assertTransition,
  DomainError,
  notFound,
} from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { enqueueOnKeptInvoice } from "../billing/invoice-on-kept";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { assertNotInvoiced } from "./session-invoice";

/**
 * Moves an appointment through its one transition table, writing the status, its history row and the audit
 * row in one transaction. A session on a live invoice keeps its status until the invoice is voided. The on-Kept
 * invoice job is enqueued in the same transaction.
 */
export type AppointmentStatusChange = {
  actor: TenantActor;
  appointmentId: string;
  to: AppointmentStatus;
  now: Date;
  /** The version the caller read; a change made meanwhile is refused. */
  expectedVersion?: number | undefined;
};

export const changeAppointmentStatus = async (
  database: Database,
  { actor, appointmentId, to, now, expectedVersion }: AppointmentStatusChange,
): Promise<Record<string, unknown>> => {
  return database.db
    .transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(tables.appointments)
        .where(
          and(
            eq(tables.appointments.practiceId, actor.practiceId),
            eq(tables.appointments.id, appointmentId),
          ),
        )
        .for("update");
      if (!current) throw notFound("Appointment");
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw new DomainError(
          "VERSION_CONFLICT",
          "Appointment was changed by someone else; reload and retry",
          {
            currentVersion: current.version,
          },
        );
      }
      const from = current.status as AppointmentStatus;
      assertTransition("Appointment status", appointmentTransitions, from, to);
      await assertNotInvoiced(tx, {
        practiceId: actor.practiceId,
        appointmentId,
        change: "change its status",
      });
      const [row] = await tx
        .update(tables.appointments)
        .set({
          status: to,
          statusChangedAt: now,
          version: sql`${tables.appointments.version} + 1`,
          updatedAt: now,
        })
        .where(eq(tables.appointments.id, appointmentId))
        .returning();
      const historyId = newId(now.getTime());
      await tx.insert(tables.appointmentStatusHistory).values({
        id: historyId,
        practiceId: actor.practiceId,
        appointmentId,
        fromStatus: from,
        toStatus: to,
        at: now,
        byUserId: actor.userId,
      });
      await recordAudit(tx, actor, "transition", "appointment", appointmentId, now, { from, to });
      await enqueueOnKeptInvoice(tx, { practiceId: actor.practiceId, appointmentId, to, historyId }, now);
      return row!;
    })
    .catch((e: unknown) => {
      throw translateDbError(e);
    });
};
