import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerExplainDocumentShareRoute } from "./document-shares/explain-document-share";
import { registerExplainInvoiceShareRoute } from "./document-shares/explain-invoice-share";
import { registerGetClientSharingRoute } from "./document-shares/get-client-sharing";
import { registerListDocumentSharesRoute } from "./document-shares/list-document-shares";
import { registerRetryDocumentShareRoute } from "./document-shares/retry-document-share";
import { registerGetSharedDocumentRoute } from "./shared-documents/get-shared-document";
import { registerGetSharedDocumentPdfRoute } from "./shared-documents/get-shared-document-pdf";
import { registerSharedDocumentPage } from "./shared-documents/shared-document-page";

/** Automatic sharing: the biller's routes, and the client's public page behind a signed link. */
export const registerSharingRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerExplainInvoiceShareRoute(app, deps);
  registerExplainDocumentShareRoute(app, deps);
  registerListDocumentSharesRoute(app, deps);
  registerRetryDocumentShareRoute(app, deps);
  registerGetClientSharingRoute(app, deps);
  registerGetSharedDocumentRoute(app, deps);
  registerGetSharedDocumentPdfRoute(app, deps);
  registerSharedDocumentPage(app, deps);
};
