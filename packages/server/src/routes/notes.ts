import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerListNoteSignatureRequestsRoute } from "./notes/list-note-signature-requests";
import { registerRequestNoteSignatureRoute } from "./notes/request-note-signature";
import { registerSignProgressNoteRoute } from "./notes/sign-progress-note";

/** Signing progress notes (by their author) and asking a clinician to sign. */
export const registerNoteRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerSignProgressNoteRoute(app, deps);
  registerRequestNoteSignatureRoute(app, deps);
  registerListNoteSignatureRequestsRoute(app, deps);
};
