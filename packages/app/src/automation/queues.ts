/** Job queue names and payloads: one definition each, shared by whoever enqueues and the worker's handlers. */
export const RUN_AUTOMATION_QUEUE = "run-automation";
export type RunAutomationPayload = { runId: string };

export const INVOICE_ON_KEPT_QUEUE = "invoice-on-kept";
export type InvoiceOnKeptPayload = { practiceId: string; appointmentId: string };
