import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerCountClaimsByStatusRoute } from "./claims/count-claims-by-status";
import { registerFollowUpClaimRoute } from "./claims/follow-up-claim";
import { registerListDeniedClaimsRoute } from "./claims/list-denied-claims";
import { registerRescrubClaimRoute } from "./claims/rescrub-claim";
import { registerSubmitClaimsRoute } from "./claims/submit-claims";
import { registerGetClaimsSettingsRoute } from "./claims-settings/get-claims-settings";
import { registerSaveClaimsSettingsRoute } from "./claims-settings/save-claims-settings";
import { registerDownloadClearinghouseFileRoute } from "./clearinghouse-files/download-clearinghouse-file";
import { registerGetClearinghouseFileRoute } from "./clearinghouse-files/get-clearinghouse-file";
import { registerListClearinghouseFilesRoute } from "./clearinghouse-files/list-clearinghouse-files";
import { registerUploadInboundFileRoute } from "./inbound-files/upload-inbound-file";
import { registerListRemittanceClaimsRoute } from "./remittances/list-remittance-claims";
import { registerListWorkQueueItemsRoute } from "./work-queue/list-work-queue-items";
import { registerResolveWorkItemRoute } from "./work-queue/resolve-work-item";

/** The claims pipeline's routes, one file per resource and verb; claims/counts and remittances/{id}/claims before
 * the resources' {id} routes. */
export const registerClaimsPipelineRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerGetClaimsSettingsRoute(app, deps);
  registerSaveClaimsSettingsRoute(app, deps);
  registerCountClaimsByStatusRoute(app, deps);
  registerRescrubClaimRoute(app, deps);
  registerFollowUpClaimRoute(app, deps);
  registerListDeniedClaimsRoute(app, deps);
  registerSubmitClaimsRoute(app, deps);
  registerUploadInboundFileRoute(app, deps);
  registerListRemittanceClaimsRoute(app, deps);
  registerListClearinghouseFilesRoute(app, deps);
  registerGetClearinghouseFileRoute(app, deps);
  registerDownloadClearinghouseFileRoute(app, deps);
  registerListWorkQueueItemsRoute(app, deps);
  registerResolveWorkItemRoute(app, deps);
};
