import { type RegisteredJob, registered } from "./define-job";
import { deliverFileDefinition } from "./deliver-file";
import { invoiceOnKeptDefinition } from "./invoice-on-kept";
import { reconcileDeliveryDefinition } from "./reconcile-delivery";
import { resolveCardChargesDefinition } from "./resolve-card-charges";
import { runAutomationDefinition } from "./run-automation";
import { sendOutreachDefinition } from "./send-outreach";
import { shareDocumentsDefinition } from "./share-documents";
import { storeMissingInvoicePdfsDefinition } from "./store-missing-invoice-pdfs";

/** Every job the worker runs, by name: one line per `jobs/<name>.ts`. */
export const jobRegistry: ReadonlyMap<string, RegisteredJob> = new Map(
  [
    registered(runAutomationDefinition),
    registered(invoiceOnKeptDefinition),
    registered(shareDocumentsDefinition),
    registered(deliverFileDefinition),
    registered(reconcileDeliveryDefinition),
    registered(resolveCardChargesDefinition),
    registered(sendOutreachDefinition),
    registered(storeMissingInvoicePdfsDefinition),
  ].map((job) => [job.name, job]),
);
