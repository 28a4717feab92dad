import { DomainError, shareDocumentKindChoices } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { repredictClientOutreach } from "../../outreach/handle-sms-callbacks";
import { rescheduleClientOutreach, workingSetZones } from "../../outreach/reschedule-client-outreach";
import { address, icd10, localDate, name, phone, sex, timeZone } from "../../schemas/common";
import { assertReferenceInPractice } from "../assert-reference";
import { likeEscape } from "../like-pattern";
import type { ResourceDefinition, Row } from "../resource-definition";

const guarantor = z.strictObject({
  firstName: name,
  lastName: name,
  relationship: z.enum(["self", "parent", "spouse", "guardian", "other"]),
  email: z.email().optional(),
  phone: phone.optional(),
  address: address.optional(),
});

const clientFields = {
  firstName: name,
  lastName: name,
  dateOfBirth: localDate,
  sex,
  email: z.email().nullable().optional(),
  phone: phone.nullable().optional(),
  address: address.nullable().optional(),
  /** The patient's own time zone (IANA); null: from the address's state, else the practice's. Outreach sends in it. */
  timeZone: timeZone.nullable().optional(),
  emailOptIn: z.boolean().optional(),
  smsOptIn: z.boolean().optional(),
  guarantor: guarantor.nullable().optional(),
  paysBy: z.enum(["insurance", "self_pay"]),
  autopay: z.boolean().optional(),
  autoShareDocuments: z.boolean().optional(),
  /** What is shared: bills (and statements), superbills, or both. */
  shareDocumentKinds: z.enum(shareDocumentKindChoices).optional(),
  autoSuperbills: z.boolean().optional(),
  employerId: z.uuid().nullable().optional(),
  /** Who the client's case is billed to: employer (its employerId), insurance or client; null: as it pays. */
  billTo: z.enum(["employer", "insurance", "client"]).nullable().optional(),
  active: z.boolean().optional(),
};

export const clientsResource: ResourceDefinition = {
  path: "clients",
  entity: "client",
  label: "Client",
  table: tables.clients,
  createSchema: z.strictObject(clientFields),
  updateSchema: z.strictObject(clientFields).partial(),
  readPermission: "clients:read",
  writePermission: "clients:write",
  phi: true,
  filters: {
    search: {
      // What a biller types to find a client: part of the name, as "First Last" or "Last, First".
      where: (text) => {
        const pattern = `%${likeEscape(String(text))}%`;
        const c = tables.clients;
        return sql`((${c.firstName} || ' ' || ${c.lastName}) ILIKE ${pattern}
          OR (${c.lastName} || ', ' || ${c.firstName}) ILIKE ${pattern})`;
      },
      schema: z.string().trim().min(1).max(100),
      description: "client name containing this text (First Last or Last, First)",
    },
    dateOfBirth: {
      column: tables.clients.dateOfBirth,
      op: "eq",
      schema: localDate,
      description: "date of birth (YYYY-MM-DD)",
    },
    lastName: {
      column: tables.clients.lastName,
      op: "eq",
      schema: z.string(),
      description: "exact last name",
    },
    paysBy: {
      column: tables.clients.paysBy,
      op: "eq",
      schema: z.enum(["insurance", "self_pay"]),
      description: "insurance or self-pay",
    },
    active: {
      column: tables.clients.active,
      op: "eq",
      schema: z.stringbool(),
      description: "active clients",
    },
  },
  sorts: { lastName: tables.clients.lastName, dateOfBirth: tables.clients.dateOfBirth },
  deletable: true,
  /** Client billing settings start as copies of the practice defaults; later practice changes leave them be. */
  prepareCreate: async (input, { tx, actor }) => {
    // employer_id has no composite foreign key: check the employer is this practice's.
    await assertReferenceInPractice(tx, {
      table: tables.employers,
      practiceId: actor.practiceId,
      id: input.employerId,
      path: "employerId",
      label: "Employer",
    });
    const [practice] = await tx
      .select({ settings: tables.practices.billingSettings })
      .from(tables.practices)
      .where(eq(tables.practices.id, actor.practiceId));
    if (!practice) throw new DomainError("NOT_FOUND", "Practice not found");
    const s = practice.settings;
    return {
      ...input,
      autopay: input.autopay ?? s.defaultAutopay,
      autoShareDocuments: input.autoShareDocuments ?? s.defaultAutoShareDocuments,
      shareDocumentKinds: input.shareDocumentKinds ?? s.defaultShareDocumentKinds ?? "both",
      autoSuperbills: input.autoSuperbills ?? s.defaultAutoSuperbills,
    };
  },
  prepareUpdate: async (patch, existing, { tx, actor }) => {
    await assertReferenceInPractice(tx, {
      table: tables.employers,
      practiceId: actor.practiceId,
      id: patch.employerId,
      path: "employerId",
      label: "Employer",
    });
    // A new address has not bounced (yet).
    return patch.email !== undefined && patch.email !== existing.email
      ? { ...patch, emailBouncedAt: null }
      : patch;
  },
  /** The generic update, then outreach predicts the patient's working sets again when a contact detail changed. */
  update: async (id, patch, existing, ctx) => {
    const prepared = await clientsResource.prepareUpdate!(patch, existing, ctx);
    const c = tables.clients;
    const practiceId = ctx.actor.practiceId;
    // The zone outreach sends in may move (set on the patient, or from the address's state): read it before.
    const zonesBefore = OUTREACH_ZONE_FIELDS.some(
      (f) => patch[f] !== undefined && JSON.stringify(patch[f]) !== JSON.stringify(existing[f]),
    )
      ? await workingSetZones(ctx.tx, practiceId, id)
      : null;
    const [row] = (await ctx.tx
      .update(c)
      .set({ ...prepared, version: sql`${c.version} + 1`, updatedAt: ctx.now } as never)
      .where(
        and(eq(c.practiceId, ctx.actor.practiceId), eq(c.id, id), eq(c.version, Number(existing.version))),
      )
      .returning()) as Row[];
    if (!row) throw new DomainError("VERSION_CONFLICT", "Client was changed concurrently; reload and retry");
    if (OUTREACH_CONTACT_FIELDS.some((f) => patch[f] !== undefined && patch[f] !== existing[f])) {
      await repredictClientOutreach(ctx.tx, ctx.actor.practiceId, id, ctx.now);
    }
    if (zonesBefore?.size) {
      await rescheduleClientOutreach(ctx.tx, { practiceId, clientId: id, zonesBefore, now: ctx.now });
    }
    return row;
  },
};

/** What decides whether an outreach message can reach the patient (Will Fail). */
const OUTREACH_CONTACT_FIELDS = ["email", "phone", "smsOptIn", "emailOptIn"] as const;
/** What decides the patient's time zone, which outreach sends in. */
const OUTREACH_ZONE_FIELDS = ["timeZone", "address"] as const;

const subscriber = z.strictObject({
  firstName: name,
  lastName: name,
  dateOfBirth: localDate,
  sex,
  address: address.optional(),
});

const policyFields = {
  clientId: z.uuid(),
  payerId: z.uuid(),
  rank: z.enum(["primary", "secondary", "tertiary"]),
  memberId: z.string().trim().min(1).max(80),
  groupNumber: z.string().trim().max(50).nullable().optional(),
  subscriberRelationship: z.enum(["self", "spouse", "child", "other"]),
  subscriber: subscriber.nullable().optional(),
  effectiveFrom: localDate,
  effectiveTo: localDate.nullable().optional(),
};

const validatePolicy = (row: Row): void => {
  if (row.subscriberRelationship !== "self" && !row.subscriber) {
    throw new DomainError(
      "VALIDATION_FAILED",
      "subscriber demographics are required when the client is not the subscriber",
      {
        issues: [
          {
            path: "subscriber",
            code: "VALIDATION_FAILED",
            message: "required unless subscriberRelationship is self",
          },
        ],
      },
    );
  }
  if (
    typeof row.effectiveTo === "string" &&
    typeof row.effectiveFrom === "string" &&
    row.effectiveTo < row.effectiveFrom
  ) {
    throw new DomainError("INVALID_DATE", "effectiveTo is before effectiveFrom", {
      issues: [{ path: "effectiveTo", code: "INVALID_DATE", message: "must be on or after effectiveFrom" }],
    });
  }
};

export const insurancePoliciesResource: ResourceDefinition = {
  path: "insurance-policies",
  entity: "insurance_policy",
  label: "Insurance policy",
  table: tables.insurancePolicies,
  createSchema: z.strictObject(policyFields),
  updateSchema: z.strictObject(policyFields).omit({ clientId: true }).partial(),
  readPermission: "clients:read",
  writePermission: "clients:write",
  phi: true,
  filters: {
    clientId: {
      column: tables.insurancePolicies.clientId,
      op: "eq",
      schema: z.uuid(),
      description: "the client",
    },
  },
  deletable: true,
  validate: validatePolicy,
};

const diagnosisFields = {
  clientId: z.uuid(),
  code: icd10,
  description: z.string().trim().max(250).nullable().optional(),
  rank: z.int().min(1).max(12),
  active: z.boolean().optional(),
};

export const diagnosesResource: ResourceDefinition = {
  path: "diagnoses",
  entity: "diagnosis",
  label: "Diagnosis",
  table: tables.diagnoses,
  createSchema: z.strictObject(diagnosisFields),
  updateSchema: z.strictObject(diagnosisFields).omit({ clientId: true }).partial(),
  readPermission: "clients:read",
  writePermission: "clients:write",
  phi: true,
  filters: {
    clientId: { column: tables.diagnoses.clientId, op: "eq", schema: z.uuid(), description: "the client" },
  },
  deletable: true,
};
