import { getAutomationConfig, getClaimsSettings } from "@billcycle/app";
import type { AutomationKind } from "@billcycle/core";
import { type Harness, type PracticeFixture, refsOf } from "@billcycle/testing/api-harness";
import { createBody, type Json, patchBody } from "@billcycle/testing/bodies";
import { sqlRows } from "@billcycle/testing/db-state";

export type Operation = { method: string; template: string };

/** Routes that are not practice-scoped. A new route must be listed here or be under {practiceId}. */
export const unscopedOperations = [
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/me",
  "POST /api/v1/auth/tokens",
  "GET /api/v1/auth/tokens",
  "DELETE /api/v1/auth/tokens/{tokenId}",
  "POST /api/v1/practices",
  // Stripe calls it without a session; the signature is the credential.
  "POST /api/v1/webhooks/stripe/{practiceId}",
  "GET /api/v1/shared-documents/{token}",
  "GET /api/v1/shared-documents/{token}/pdf",
  // Patient outreach: the pay page (the signed token is the credential) and Twilio's signed callbacks.
  "GET /api/v1/pay/{token}",
  "POST /api/v1/pay/{token}",
  "POST /api/v1/webhooks/twilio/{practiceId}/status",
  "POST /api/v1/webhooks/twilio/{practiceId}/inbound",
] as const;

const methods = ["get", "post", "put", "patch", "delete"] as const;

/** Every operation of the OpenAPI document the app serves. */
export const documentedOperations = async (h: Harness): Promise<Operation[]> => {
  const res = await h.call("GET", "/openapi.json");
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  const paths = res.json.paths as Record<string, Record<string, unknown>>;
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const m of methods) if (item[m]) ops.push({ method: m.toUpperCase(), template });
  }
  return ops;
};

/** Under /api/v1/practices/{practiceId} (the Stripe webhook names a practice too, but is not a member's route). */
export const isScoped = (op: Operation): boolean => op.template.startsWith("/api/v1/practices/{practiceId}");
export const isWrite = (op: Operation): boolean => op.method !== "GET";
export const label = (op: Operation): string => `${op.method} ${op.template}`;

/** The resource a record route addresses: the segment before {id} ("clients" in …/clients/{id}/…). */
export const resourceOf = (template: string): string | null => {
  const parts = template.split("/");
  const at = parts.indexOf("{id}");
  return at > 0 ? (parts[at - 1] ?? null) : null;
};

/** Path parameters that are not record ids, with a valid value each. */
const namedParams: Record<string, string> = {
  // Invoice Processing: an automation every {automation} route takes (run-now takes only creation and processing).
  automation: "invoice_processing" satisfies AutomationKind,
  // Saved cards and card charges need a Stripe account (a fake) to exist: stripe-routes.test.ts walks them.
  cardId: "01900000-0000-7000-8000-00000000ca4d",
  chargeId: "01900000-0000-7000-8000-0000000c4a46",
  // A share that does not exist (the walk's refusals come first) and a token that was never signed.
  shareId: "01890000-0000-7000-8000-000000000000",
  token: "v1.not-a-signed-token",
  // An invoice set and a rule set that do not exist (the walk's refusals come first).
  setId: "01890000-0000-7000-8000-0000000005e7",
  ruleSetId: "01890000-0000-7000-8000-00000000075e",
};

/** Fills {practiceId}, {id} and the known named parameters; any other is a route this walker does not know yet. */
export const fillPath = (template: string, practiceId: string, records: PracticeFixture["records"]): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "practiceId") return practiceId;
    // The engine seed's shared link and failed share, when the practice has them.
    if (name === "token" && template.startsWith("/api/v1/pay/") && records["pay-links"])
      return records["pay-links"].id;
    if (name === "token" && records["shared-documents"]) return records["shared-documents"].id;
    if (name === "shareId" && records["document-shares"]) return records["document-shares"].id;
    if (name === "setId" && records["outreach-sets"]) return records["outreach-sets"].id;
    if (name === "ruleSetId" && records["outreach-rule-sets"]) return records["outreach-rule-sets"].id;
    const named = namedParams[name];
    if (named) return named;
    const employerBilling: Record<string, string> = {
      batchNumber: "employer-batches",
      invoiceId: "employer-invoices",
      receiptId: "employer-receipts",
      employerId: "employers",
    };
    if (employerBilling[name]) {
      const record = records[employerBilling[name]];
      if (!record) throw new Error(`no ${employerBilling[name]} record for {${name}} in ${template}`);
      return record.id;
    }
    if (name === "clientId" || name === "paymentId") {
      const record = records[name === "clientId" ? "clients" : "payments"];
      if (!record) throw new Error(`no record for {${name}} in ${template}`);
      return record.id;
    }
    if (name === "id") {
      const resource = resourceOf(template);
      const record = resource ? records[resource] : undefined;
      if (!record) throw new Error(`no ${resource} record to put in ${template}`);
      return record.id;
    }
    throw new Error(`unknown path parameter {${name}} in ${template}: teach test/support/routes.ts about it`);
  });

/** What a valid write to a practice-level document needs: its current versions. */
export type PracticeState = {
  practiceVersion: number;
  automation: { config: unknown; version: number };
  claimsSettingsVersion: number;
};

export const practiceState = async (h: Harness, practiceId: string): Promise<PracticeState> => ({
  practiceVersion: Number(
    (await sqlRows(h.database, `SELECT version FROM practices WHERE id = '${practiceId}'`))[0]?.version,
  ),
  automation: await getAutomationConfig(h.database.db, practiceId),
  claimsSettingsVersion: (await getClaimsSettings(h.database.db, practiceId)).version,
});

/**
 * A body that passes validation for the operation, aimed at `owner`'s records and versions, so that a
 * request that reached the data would really change it.
 */
export const bodyFor = (op: Operation, owner: PracticeFixture, state: PracticeState): Json | undefined => {
  if (op.method === "GET" || op.method === "DELETE") return undefined;
  const resource = resourceOf(op.template);
  const record = resource ? owner.records[resource] : undefined;
  const practicePath = "/api/v1/practices/{practiceId}";
  if (op.method === "POST" && op.template.endsWith("/appointments/{id}/status")) {
    return { status: "canceled", version: record?.version ?? 1 };
  }
  if (op.method === "PATCH" && op.template === practicePath) {
    return { version: state.practiceVersion, name: "Renamed by someone else" };
  }
  if (op.method === "PATCH" && op.template === `${practicePath}/billing-settings`) {
    return { version: state.practiceVersion, defaultAutopay: true, noShowFeeCents: 5000 };
  }
  if (op.method === "PUT" && op.template === `${practicePath}/automation`) {
    return { config: state.automation.config, version: state.automation.version };
  }
  if (op.method === "PUT" && op.template === `${practicePath}/claims-settings`) {
    return {
      settings: { disabledWarnings: ["DUPLICATE_CLAIM"], unknownCodeAction: "deny", connectionId: null },
      version: state.claimsSettingsVersion,
    };
  }
  if (op.method === "POST" && op.template === `${practicePath}/claims/{id}/rescrub`) return undefined;
  if (op.method === "POST" && op.template === `${practicePath}/claims/submit`) return { dryRun: false };
  if (op.method === "POST" && op.template === `${practicePath}/automation/{automation}/run-now`)
    return undefined;
  if (op.method === "POST" && op.template === `${practicePath}/appointments/{id}/invoice`) return undefined;
  if (op.method === "POST" && op.template === `${practicePath}/appointments/{id}/note/sign`) return undefined;
  if (op.method === "POST" && op.template === `${practicePath}/appointments/{id}/note/signature-request`)
    return { message: "Please sign" };
  if (op.method === "POST" && op.template === `${practicePath}/inbound-files`) {
    return { name: "walk-999.x12", content: "ISA*00*not-a-real-file~" };
  }
  if (op.method === "POST" && op.template === `${practicePath}/work-queue/{id}/resolve`) {
    return { action: "dismiss", reason: "Not ours" };
  }
  if (op.method === "POST" && op.template === `${practicePath}/invoices/open`) {
    return { invoiceIds: [owner.records.invoices?.id] };
  }
  if (op.method === "POST" && op.template === `${practicePath}/invoices/{id}/void`) {
    return { reason: "Entered in error", disposition: "waive" };
  }
  if (op.method === "POST" && op.template === `${practicePath}/invoices/{id}/move-payments`) return undefined;
  if (op.method === "POST" && op.template === `${practicePath}/claims/{id}/follow-up`) {
    return { action: "write_off", reason: "Walk write-off" };
  }
  if (op.method === "POST" && op.template === `${practicePath}/document-shares/{shareId}/retry`)
    return undefined;
  if (op.method === "POST" && op.template === `${practicePath}/documents/{id}/void`) {
    return { reason: "Sent in error" };
  }
  if (op.method === "POST" && op.template === `${practicePath}/invoices/{id}/bill`) return undefined;
  if (
    op.method === "POST" &&
    (op.template === `${practicePath}/clients/{id}/superbills` ||
      op.template === `${practicePath}/clients/{id}/statements`)
  ) {
    return { from: "2026-03-01", to: "2026-03-31" };
  }
  if (op.method === "POST" && op.template === `${practicePath}/invoices/{id}/products`) {
    return { productId: owner.records.products?.id, quantity: 1 };
  }
  const employerBilling = `${practicePath}/employer-billing`;
  if (op.template.startsWith(employerBilling)) {
    const rest = op.template.slice(employerBilling.length);
    const invoiceId = owner.records["employer-invoices"]?.id;
    switch (`${op.method} ${rest}`) {
      case "POST /batches":
        return { employerId: owner.records.employers?.id };
      case "POST /batches/{batchNumber}/rebatch":
        return {};
      case "POST /invoices/printed":
        return { invoiceIds: [invoiceId] };
      case "POST /invoices/{invoiceId}/credit-memos":
        return { appointmentIds: [owner.records["employer-encounters"]?.id], reason: "Walk credit" };
      case "POST /invoices/{invoiceId}/void":
      case "POST /receipts/{receiptId}/reverse":
        return { reason: "Walk" };
      case "POST /invoices/{invoiceId}/email":
        return undefined;
      case "POST /receipts":
        return {
          employerId: owner.records.employers?.id,
          method: "check",
          reference: "WALK-1",
          receivedOn: "2026-03-01",
          amountCents: 100,
        };
      case "POST /receipts/{receiptId}/applications":
        return { apply: [{ invoiceId, amountCents: 1 }] };
      case "PUT /invoice-profile":
        return {
          employerId: null,
          version: 0,
          profile: {
            header: { name: "Walk Practice", lines: [] },
            remitTo: { lines: ["PO Box 1"] },
            columns: ["employee_name", "amount"],
            grouping: "employee",
            delivery: "print",
          },
        };
    }
  }
  const outreachPath = `${practicePath}/outreach`;
  const ruleSet = {
    name: "Walk rules",
    isDefault: false,
    steps: [
      {
        dayOffset: 0,
        channel: "sms",
        template: "Hi {first_name}: {amount}",
        sendWindow: { start: "09:00", end: "20:00" },
      },
    ],
  };
  if (op.method === "POST" && op.template === `${outreachPath}/rule-sets`) return ruleSet;
  if (op.method === "PUT" && op.template === `${outreachPath}/rule-sets/{ruleSetId}`) {
    return { ...ruleSet, name: "Walk rules, renamed", isDefault: true };
  }
  if (op.method === "PUT" && op.template === `${outreachPath}/settings`)
    return { enabled: true, startAfterDays: 45 };
  if (op.method === "POST" && op.template === `${outreachPath}/sets`)
    return { clientId: owner.records.clients?.id };
  if (op.method === "POST" && op.template === `${outreachPath}/bulk-actions`) {
    return { action: "pause", setIds: [owner.records["outreach-sets"]?.id ?? namedParams.setId ?? ""] };
  }
  if (op.method === "POST" && op.template === `${outreachPath}/sets/{setId}/actions`)
    return { action: "pause" };
  const clientPath = `${practicePath}/clients/{clientId}`;
  if (op.method === "POST" && op.template === `${clientPath}/payments`)
    return { method: "cash", amountCents: 100 };
  if (op.method === "POST" && op.template === `${clientPath}/payments/{paymentId}/refunds`) {
    return { amountCents: 1, reason: "Walk refund" };
  }
  if (op.method === "POST" && op.template === `${clientPath}/write-offs`) {
    return { invoiceId: owner.records.invoices?.id, kind: "write_off", reason: "Walk write-off" };
  }
  if (op.method === "PATCH" && resource && op.template.endsWith("/{id}")) {
    return patchBody(resource, record?.version ?? 1);
  }
  if (op.method === "PUT" && op.template === `${practicePath}/stripe-settings`) {
    return {
      publishableKey: "pk_test_walk",
      secretKey: "sk_test_walk",
      webhookSecret: "whsec_walk",
      apiBaseUrl: "http://127.0.0.1:9",
      version: 0,
    };
  }
  if (op.method === "POST" && /\/clients\/\{id\}\/cards\/(setup|refresh)$/.test(op.template))
    return undefined;
  if (op.method === "PUT" && op.template.endsWith("/clients/{id}/default-card")) {
    return { cardId: namedParams.cardId ?? "" };
  }
  if (op.method === "POST" && op.template.endsWith("/clients/{id}/card-charges")) {
    return { amountCents: 2500, idempotencyKey: "walk-manual-charge-1" };
  }
  if (op.method === "POST" && op.template.endsWith("/card-charges/{chargeId}/refunds")) {
    return { amountCents: 100, idempotencyKey: "walk-refund-1" };
  }
  const collection = op.template.match(/^\/api\/v1\/practices\/\{practiceId\}\/([\w-]+)$/)?.[1];
  if (op.method === "POST" && collection) return createBody(collection, refsOf(owner));
  throw new Error(`no request body for ${label(op)}: teach test/support/routes.ts about it`);
};

let idempotencyKeys = 0;
/** Headers a valid request of the operation carries: a recorded payment needs its Idempotency-Key. */
export const headersFor = (op: Operation): Record<string, string> =>
  op.method === "POST" && op.template.endsWith("/clients/{clientId}/payments")
    ? { "idempotency-key": `walk-${Date.now()}-${++idempotencyKeys}` }
    : {};
