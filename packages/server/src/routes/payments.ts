import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerChargeClientCardRoute } from "./card-charges/charge-client-card";
import { registerListCardChargesRoute } from "./card-charges/list-card-charges";
import { registerRefundCardChargeRoute } from "./card-charges/refund-card-charge";
import { registerListClientCardsRoute } from "./client-cards/list-client-cards";
import { registerRefreshClientCardsRoute } from "./client-cards/refresh-client-cards";
import { registerRemoveClientCardRoute } from "./client-cards/remove-client-card";
import { registerSetDefaultCardRoute } from "./client-cards/set-default-card";
import { registerStartCardSetupRoute } from "./client-cards/start-card-setup";
import { registerGetStripeSettingsRoute } from "./stripe-settings/get-stripe-settings";
import { registerSaveStripeSettingsRoute } from "./stripe-settings/save-stripe-settings";
import { registerReceiveStripeWebhookRoute } from "./webhooks/receive-stripe-webhook";

/** Card payments through Stripe: settings, saved cards, charges and refunds, and Stripe's webhook. */
export const registerPaymentRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerGetStripeSettingsRoute(app, deps);
  registerSaveStripeSettingsRoute(app, deps);
  registerListClientCardsRoute(app, deps);
  registerStartCardSetupRoute(app, deps);
  registerRefreshClientCardsRoute(app, deps);
  registerSetDefaultCardRoute(app, deps);
  registerRemoveClientCardRoute(app, deps);
  registerListCardChargesRoute(app, deps);
  registerChargeClientCardRoute(app, deps);
  registerRefundCardChargeRoute(app, deps);
  registerReceiveStripeWebhookRoute(app, deps);
};
