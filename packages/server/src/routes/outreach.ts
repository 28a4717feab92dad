import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerOutreachSetRoutes } from "./outreach/outreach-set-routes";
import { registerPayPage } from "./outreach/pay-page";
import { registerPublicOutreachRoutes } from "./outreach/public-outreach-routes";
import { registerRuleSetRoutes } from "./outreach/rule-set-routes";

/** Patient outreach: rule sets, invoice sets and their actions, the pay page (its API and the patient's /pay/<token> page) and Twilio's callbacks. */
export const registerOutreachRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerRuleSetRoutes(app, deps);
  registerOutreachSetRoutes(app, deps);
  registerPublicOutreachRoutes(app, deps);
  registerPayPage(app, deps);
};
