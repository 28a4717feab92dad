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

export type AppointmentStatusChanged = {
  practiceId: string;
  appointmentId: string;
  from: AppointmentStatus;
  to: AppointmentStatus;
  at: Date;
};

export type StatusChangeListener = (event: AppointmentStatusChanged) => void;

/**
 * Moves an appointment through its one transition table, writing the status, its history row and the audit
 * row in one transaction. A session on a live invoice keeps its status until the invoice is voided. Listeners hear about it after commit (the on-Kept invoice path hangs here).
 */
export type AppointmentStatusChange = {
  actor: TenantActor;
  appointmentId: string;
  to: AppointmentStatus;
  now: Date;
  /** The version the caller read; a change made meanwhile is refused. */
  expectedVersion?: number | undefined;
  listeners?: readonly StatusChangeListener[];
};

export const changeAppointmentStatus = async (
  database: Database,
  { actor, appointmentId, to, now, expectedVersion, listeners = [] }: AppointmentStatusChange,
): Promise<Record<string, unknown>> => {
  let event: AppointmentStatusChanged | null = null;
  const updated = await database.db
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
      event = { practiceId: actor.practiceId, appointmentId, from, to, at: now };
      return row!;
    })
    .catch((e: unknown) => {
      throw translateDbError(e);
    });
  const committed = event as AppointmentStatusChanged | null;
  if (committed) for (const listen of listeners) listen(committed);
  return updated;
};
