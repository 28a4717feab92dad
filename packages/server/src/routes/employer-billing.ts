import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerApplyEmployerReceiptRoute } from "./employer-billing/apply-employer-receipt";
import { registerCreateCreditMemoRoute } from "./employer-billing/create-credit-memo";
import { registerCreateEmployerBatchRoute } from "./employer-billing/create-employer-batch";
import { registerDownloadEmployerInvoicePdfRoute } from "./employer-billing/download-employer-invoice-pdf";
import { registerEmailEmployerInvoiceRoute } from "./employer-billing/email-employer-invoice";
import { registerGetEmployerBatchRoute } from "./employer-billing/get-employer-batch";
import { registerGetEmployerDashboardRoute } from "./employer-billing/get-employer-dashboard";
import { registerGetEmployerInvoiceRoute } from "./employer-billing/get-employer-invoice";
import { registerInvoiceProfileRoutes } from "./employer-billing/invoice-profile";
import { registerListEmployerBatchesRoute } from "./employer-billing/list-employer-batches";
import { registerListEmployerInvoicesRoute } from "./employer-billing/list-employer-invoices";
import { registerListEmployerReceiptsRoute } from "./employer-billing/list-employer-receipts";
import { registerMarkEmployerInvoicesPrintedRoute } from "./employer-billing/mark-employer-invoices-printed";
import { registerRebatchEmployerBatchRoute } from "./employer-billing/rebatch-employer-batch";
import { registerRecordEmployerReceiptRoute } from "./employer-billing/record-employer-receipt";
import { registerResolveNavigationRoute } from "./employer-billing/resolve-navigation";
import { registerReverseEmployerReceiptRoute } from "./employer-billing/reverse-employer-receipt";
import { registerVoidEmployerInvoiceRoute } from "./employer-billing/void-employer-invoice";

/** Employer billing (issue 19): batches, invoices, credit memos, receipts, profiles. One route file each. */
export const registerEmployerBillingRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerCreateEmployerBatchRoute(app, deps);
  registerListEmployerBatchesRoute(app, deps);
  registerGetEmployerBatchRoute(app, deps);
  registerRebatchEmployerBatchRoute(app, deps);
  registerListEmployerInvoicesRoute(app, deps);
  // Before {invoiceId}: "printed" is not an id.
  registerMarkEmployerInvoicesPrintedRoute(app, deps);
  registerGetEmployerInvoiceRoute(app, deps);
  registerDownloadEmployerInvoicePdfRoute(app, deps);
  registerCreateCreditMemoRoute(app, deps);
  registerVoidEmployerInvoiceRoute(app, deps);
  registerEmailEmployerInvoiceRoute(app, deps);
  registerGetEmployerDashboardRoute(app, deps);
  registerListEmployerReceiptsRoute(app, deps);
  registerRecordEmployerReceiptRoute(app, deps);
  registerApplyEmployerReceiptRoute(app, deps);
  registerReverseEmployerReceiptRoute(app, deps);
  registerInvoiceProfileRoutes(app, deps);
  registerResolveNavigationRoute(app, deps);
};
