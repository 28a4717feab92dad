import type { components, paths } from "./schema";

/**
 * Names for the API's shapes, each taken from the types generated from the OpenAPI document (schema.d.ts):
 * nothing here is declared by hand, so a change on the server shows up as a type error in the screens.
 */
type Schemas = components["schemas"];

type JsonOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;

type RequestOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer T } };
}
  ? T
  : never;

/** The sort values a list route accepts (`key` or `-key`), from its OpenAPI query. */
type SortOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? Q extends { sort?: infer S }
    ? NonNullable<S>
    : never
  : never;

export type Me = JsonOf<"/api/v1/me", "get">;
export type Membership = Me["memberships"][number];
export type Role = Membership["role"];
export type Practice = Schemas["practice"];

export type Client = Schemas["client"];
export type Provider = Schemas["provider"];
export type PracticeMember = Schemas["PracticeMember"];
export type Location = Schemas["location"];
export type Payer = Schemas["payer"];
export type Service = Schemas["service"];
export type Product = Schemas["product"];
export type ProgressNote = Schemas["progress_note"];
export type Appointment = Schemas["appointment"];
export type AppointmentRow = Schemas["AppointmentRow"];

export type Invoice = Schemas["invoice"];
export type InvoiceLine = Schemas["InvoiceLine"];
export type InvoiceStatusChange = Schemas["InvoiceStatusChange"];
export type InvoiceSort = SortOf<"/api/v1/practices/{practiceId}/invoices">;
export type AppointmentSort = SortOf<"/api/v1/practices/{practiceId}/appointments">;

export type Claim = Schemas["claim"];
export type ClaimLine = Schemas["ClaimLine"];
export type ClaimStatusChange = Schemas["ClaimStatusChange"];
export type StatusChange = InvoiceStatusChange | ClaimStatusChange;
export type ClaimSort = SortOf<"/api/v1/practices/{practiceId}/claims">;
export type ScrubResult = Schemas["ScrubResult"];
export type SubmitResult = Schemas["SubmitResult"];
export type ClaimCounts = Schemas["ClaimCounts"]["counts"];

export type Remittance = Schemas["remittance"];
export type RemittanceClaim = Schemas["RemittanceClaim"];
export type Imbalance = Schemas["Imbalance"];
export type ProviderAdjustment = Schemas["ProviderAdjustment"];
export type Posting = Schemas["Posting"];
export type InboundResult = Schemas["InboundResult"];
export type ClearinghouseFileSummary = Schemas["ClearinghouseFileSummary"];
export type WorkItem = Schemas["WorkQueueItem"];
export type Resolution = RequestOf<"/api/v1/practices/{practiceId}/work-queue/{id}/resolve", "post">;
export type PostingRule = Schemas["posting_rule"];
export type ClaimsSettingsView = Schemas["ClaimsSettingsView"];

export type AutomationSettings = Schemas["AutomationSettings"];
export type AutomationConfig = Schemas["AutomationConfig"];
export type AutomationDescription = Schemas["AutomationDescription"];
export type AutomationSettingsBody = RequestOf<"/api/v1/practices/{practiceId}/automation", "put">;
export type AutomationPreview = Schemas["AutomationPreview"];
export type BillingExplanation = Schemas["BillingExplanation"];
export type AutomationRun = Schemas["AutomationRun"];
export type RunOutcome = Schemas["RunOutcome"];

export type ClientBalance = Schemas["ClientBalance"];
export type LedgerEntry = Schemas["LedgerEntry"];
export type ClientPayment = Schemas["ClientPayment"];
export type RecordPayment = Schemas["RecordPayment"];

export type ClientCard = Schemas["ClientCard"];
export type CardCharge = Schemas["CardCharge"];
export type CardSetup = Schemas["CardSetup"];
export type StripeSettings = Schemas["StripeSettingsAnswer"];
export type BillingDocument = Schemas["Document"];
export type DocumentShare = NonNullable<Schemas["documentShare"]>;
export type ClientSharing = Schemas["clientSharing"];
