import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerCreateSuperbillRoute } from "./documents/create-superbill";
import { registerDownloadDocumentPdfRoute } from "./documents/download-document-pdf";
import { registerGetDocumentRoute } from "./documents/get-document";
import { registerIssueBillDocumentRoute } from "./documents/issue-bill-document";
import { registerIssueStatementDocumentRoute } from "./documents/issue-statement-document";
import { registerListClientDocumentsRoute } from "./documents/list-client-documents";
import { registerVoidDocumentRoute } from "./documents/void-document";

/** Bills, superbills and statements: one file per route. Registered before the resources' {id} routes. */
export const registerDocumentRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerListClientDocumentsRoute(app, deps);
  registerGetDocumentRoute(app, deps);
  registerDownloadDocumentPdfRoute(app, deps);
  registerVoidDocumentRoute(app, deps);
  registerIssueBillDocumentRoute(app, deps);
  registerCreateSuperbillRoute(app, deps);
  registerIssueStatementDocumentRoute(app, deps);
};
