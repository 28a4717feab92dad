import { DomainError, localDateAt, notFound } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { assertNotInvoiced } from "../../appointments/session-invoice";
import { authorizeNoteSigner } from "../../notes/authorize-note-signer";
import { nameNoteSigners } from "../../notes/name-note-signers";
import { progressNoteRecordSchema } from "../../notes/note-schemas";
import { instant, localDate, modifiers } from "../../schemas/common";
import { rowSchema } from "../../schemas/row-schema";
import { assertReferenceInPractice } from "../assert-reference";
import type { ResourceDefinition, Row, WriteContext } from "../resource-definition";

const serviceLine = z.strictObject({
  serviceId: z.uuid(),
  units: z.int().min(1).max(999).optional(),
  modifiers: modifiers.optional(),
});

const appointmentFields = {
  clientId: z.uuid(),
  providerId: z.uuid(),
  locationId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  services: z.array(serviceLine).max(20),
  /** The encounter's own bill-to, over its client's case (employer, insurance, client); null: the case's. */
  billTo: z.enum(["employer", "insurance", "client"]).nullable().optional(),
  /** The employer billed when it is not the client's own. */
  billToEmployerId: z.uuid().nullable().optional(),
  /** The employer's authorization or PO number, printed on its invoice. */
  authorizationNumber: z.string().trim().max(40).nullable().optional(),
};

type ServiceLineInput = z.infer<typeof serviceLine>;

const practiceZone = async (tx: Executor, practiceId: string): Promise<string> => {
  const [p] = await tx
    .select({ timeZone: tables.practices.timeZone })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  if (!p) throw notFound("Practice");
  return p.timeZone;
};

const writeServiceLines = async (
  tx: Executor,
  practiceId: string,
  appointmentId: string,
  lines: ServiceLineInput[],
) => {
  await tx
    .delete(tables.appointmentServices)
    .where(eq(tables.appointmentServices.appointmentId, appointmentId));
  if (lines.length === 0) return;
  const ids = [...new Set(lines.map((l) => l.serviceId))];
  const known = await tx
    .select({
      id: tables.services.id,
      defaultUnits: tables.services.defaultUnits,
      modifiers: tables.services.modifiers,
    })
    .from(tables.services)
    .where(and(eq(tables.services.practiceId, practiceId), inArray(tables.services.id, ids)));
  const byId = new Map(known.map((s) => [s.id, s]));
  await tx.insert(tables.appointmentServices).values(
    lines.map((line, position) => {
      const service = byId.get(line.serviceId);
      if (!service) {
        throw new DomainError(
          "REFERENCE_NOT_FOUND",
          "A service on this appointment does not exist in this practice",
          {
            issues: [
              {
                path: `services.${position}.serviceId`,
                code: "REFERENCE_NOT_FOUND",
                message: "unknown service",
              },
            ],
          },
        );
      }
      return {
        practiceId,
        appointmentId,
        position,
        serviceId: line.serviceId,
        units: line.units ?? service.defaultUnits,
        modifiers: line.modifiers ?? service.modifiers,
      };
    }),
  );
};

const checkTimes = (startsAt: string | Date, endsAt: string | Date) => {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) {
    throw new DomainError("VALIDATION_FAILED", "an appointment must end after it starts", {
      issues: [{ path: "endsAt", code: "VALIDATION_FAILED", message: "must be after startsAt" }],
    });
  }
};

const createAppointment = async (input: Row, { tx, actor, now }: WriteContext): Promise<Row> => {
  const { services: lines, ...fields } = input as Row & { services: ServiceLineInput[] };
  checkTimes(String(fields.startsAt), String(fields.endsAt));
  const startsAt = new Date(String(fields.startsAt));
  const zone = await practiceZone(tx, actor.practiceId);
  const id = newId(now.getTime());
  const [row] = (await tx
    .insert(tables.appointments)
    .values({
      id,
      practiceId: actor.practiceId,
      clientId: String(fields.clientId),
      providerId: String(fields.providerId),
      locationId: String(fields.locationId),
      startsAt,
      endsAt: new Date(String(fields.endsAt)),
      dateOfService: localDateAt(startsAt, zone),
      billTo: (fields.billTo as "employer" | "insurance" | "client" | null | undefined) ?? null,
      billToEmployerId: (fields.billToEmployerId as string | null | undefined) ?? null,
      authorizationNumber: (fields.authorizationNumber as string | null | undefined) ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()) as Row[];
  await writeServiceLines(tx, actor.practiceId, id, lines);
  await tx.insert(tables.appointmentStatusHistory).values({
    id: newId(now.getTime()),
    practiceId: actor.practiceId,
    appointmentId: id,
    fromStatus: null,
    toStatus: "upcoming",
    at: now,
    byUserId: actor.userId,
  });
  return row!;
};

const updateAppointment = async (id: string, patch: Row, existing: Row, { tx, actor, now }: WriteContext) => {
  await assertNotInvoiced(tx, {
    practiceId: actor.practiceId,
    appointmentId: id,
    change: "change the session",
  });
  const { services: lines, ...fields } = patch as Row & { services?: ServiceLineInput[] };
  const set: Row = {};
  for (const key of [
    "clientId",
    "providerId",
    "locationId",
    "billTo",
    "billToEmployerId",
    "authorizationNumber",
  ] as const)
    if (fields[key] !== undefined) set[key] = fields[key];
  const startsAt =
    fields.startsAt !== undefined ? new Date(String(fields.startsAt)) : (existing.startsAt as Date);
  const endsAt = fields.endsAt !== undefined ? new Date(String(fields.endsAt)) : (existing.endsAt as Date);
  checkTimes(startsAt, endsAt);
  if (fields.startsAt !== undefined) {
    set.startsAt = startsAt;
    set.dateOfService = localDateAt(startsAt, await practiceZone(tx, actor.practiceId));
  }
  if (fields.endsAt !== undefined) set.endsAt = endsAt;
  const [row] = (await tx
    .update(tables.appointments)
    .set({ ...set, version: sql`${tables.appointments.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(tables.appointments.practiceId, actor.practiceId),
        eq(tables.appointments.id, id),
        eq(tables.appointments.version, Number(existing.version)),
      ),
    )
    .returning()) as Row[];
  if (!row)
    throw new DomainError("VERSION_CONFLICT", "Appointment was changed concurrently; reload and retry");
  if (lines) await writeServiceLines(tx, actor.practiceId, id, lines);
  return row;
};

/** Attaches each appointment's service lines, in order. */
const expandAppointments = async (tx: Executor, practiceId: string, rows: Row[]): Promise<Row[]> => {
  if (rows.length === 0) return rows;
  const lines = await tx
    .select({
      appointmentId: tables.appointmentServices.appointmentId,
      serviceId: tables.appointmentServices.serviceId,
      units: tables.appointmentServices.units,
      modifiers: tables.appointmentServices.modifiers,
    })
    .from(tables.appointmentServices)
    .where(
      and(
        eq(tables.appointmentServices.practiceId, practiceId),
        inArray(
          tables.appointmentServices.appointmentId,
          rows.map((r) => String(r.id)),
        ),
      ),
    )
    .orderBy(asc(tables.appointmentServices.appointmentId), asc(tables.appointmentServices.position));
  const byAppointment = new Map<string, Row[]>();
  for (const { appointmentId, ...line } of lines) {
    const list = byAppointment.get(appointmentId) ?? [];
    list.push(line);
    byAppointment.set(appointmentId, list);
  }
  return rows.map((r) => ({ ...r, services: byAppointment.get(String(r.id)) ?? [] }));
};

/** An appointment as read: its row with its service lines in order. */
export const appointmentRecordSchema = rowSchema(tables.appointments).extend({
  services: z.array(
    z
      .strictObject({ serviceId: z.uuid(), units: z.int(), modifiers: z.array(z.string()) })
      .meta({ id: "AppointmentService" }),
  ),
});

export const appointmentsResource: ResourceDefinition = {
  path: "appointments",
  entity: "appointment",
  label: "Appointment",
  table: tables.appointments,
  createSchema: z.strictObject(appointmentFields),
  updateSchema: z.strictObject(appointmentFields).partial(),
  readPermission: "clients:read",
  writePermission: "clients:write",
  phi: true,
  filters: {
    clientId: { column: tables.appointments.clientId, op: "eq", schema: z.uuid(), description: "the client" },
    providerId: {
      column: tables.appointments.providerId,
      op: "eq",
      schema: z.uuid(),
      description: "the provider",
    },
    status: {
      column: tables.appointments.status,
      op: "eq",
      schema: z.enum(["upcoming", "kept", "no_show", "late_cancel", "canceled"]),
      description: "appointment status",
    },
    from: {
      column: tables.appointments.dateOfService,
      op: "gte",
      schema: localDate,
      description: "date of service on or after",
    },
    to: {
      column: tables.appointments.dateOfService,
      op: "lte",
      schema: localDate,
      description: "date of service on or before",
    },
    billed: {
      // On an invoice or not; a Canceled session is never billed, so "no" leaves it out (what is left to bill).
      where: (value, practiceId) => {
        const onInvoice = sql`EXISTS (SELECT 1 FROM ${tables.appointmentInvoices} ai
          WHERE ai.practice_id = ${practiceId}::uuid AND ai.appointment_id = ${tables.appointments.id})`;
        return value === "yes"
          ? onInvoice
          : sql`(NOT ${onInvoice} AND ${tables.appointments.status} <> 'canceled')`;
      },
      schema: z.enum(["yes", "no"]),
      description: "yes: on an invoice; no: not on one (Canceled sessions left out)",
    },
  },
  sorts: {
    // The time it starts (a day's sessions in order); ties and pages follow the id.
    startsAt: tables.appointments.startsAt,
  },
  deletable: false,
  create: createAppointment,
  update: updateAppointment,
  record: appointmentRecordSchema,
  expand: expandAppointments,
};

const noteFields = {
  appointmentId: z.uuid(),
  signed: z.boolean().optional(),
  signedByProviderId: z.uuid().nullable().optional(),
};

/**
 * The signature fields a note write sets: signing is done by the session's provider or a supervisor only
 * (NOT_NOTE_AUTHOR otherwise, authorizeNoteSigner), for the session's provider, recording the user who signed. A
 * provider named that is not the session's is refused (another practice's: REFERENCE_NOT_FOUND, revealing nothing).
 */
const signing = async (
  ctx: WriteContext,
  appointmentId: string,
  input: Row,
  wasSigned: boolean,
  signedAt: unknown,
): Promise<Row> => {
  const signed = input.signed as boolean | undefined;
  const named = input.signedByProviderId as string | null | undefined;
  if (signed === undefined && named === undefined) return {};
  const signer = await authorizeNoteSigner(ctx.tx, ctx.actor, appointmentId);
  if (named && named !== signer.signedByProviderId) {
    await assertReferenceInPractice(ctx.tx, {
      table: tables.providers,
      practiceId: ctx.actor.practiceId,
      id: named,
      path: "signedByProviderId",
      label: "Provider",
    });
    throw new DomainError(
      "NOT_NOTE_AUTHOR",
      `A note is signed for the session's provider, ${signer.providerName}, not another`,
    );
  }
  if (signed === false)
    return { signed: false, signedAt: null, signedByProviderId: null, signedByUserId: null };
  if (signed === undefined) return {};
  if (wasSigned) return { signed: true, signedAt };
  return {
    signed: true,
    signedAt: ctx.now,
    signedByProviderId: signer.signedByProviderId,
    signedByUserId: signer.signedByUserId,
  };
};

export const progressNotesResource: ResourceDefinition = {
  path: "progress-notes",
  entity: "progress_note",
  label: "Progress note",
  table: tables.progressNotes,
  createSchema: z.strictObject(noteFields),
  updateSchema: z.strictObject(noteFields).omit({ appointmentId: true }).partial(),
  readPermission: "clients:read",
  writePermission: "clinical:write",
  phi: true,
  filters: {
    appointmentId: {
      column: tables.progressNotes.appointmentId,
      op: "eq",
      schema: z.uuid(),
      description: "the appointment",
    },
  },
  deletable: false,
  record: progressNoteRecordSchema,
  expand: (tx, _practiceId, rows) => nameNoteSigners(tx, rows),
  prepareCreate: async (input, { tx, actor, now }) => {
    // The one-note-per-appointment unique index would otherwise answer first (409) for another practice's
    // appointment, telling a stranger whether that appointment has a note.
    await assertReferenceInPractice(tx, {
      table: tables.appointments,
      practiceId: actor.practiceId,
      id: input.appointmentId,
      path: "appointmentId",
      label: "Appointment",
    });
    return {
      ...input,
      ...(await signing({ tx, actor, now }, input.appointmentId as string, input, false, null)),
    };
  },
  prepareUpdate: async (patch, existing, ctx) => ({
    ...patch,
    ...(await signing(
      ctx,
      existing.appointmentId as string,
      patch,
      existing.signed === true,
      existing.signedAt,
    )),
  }),
};
