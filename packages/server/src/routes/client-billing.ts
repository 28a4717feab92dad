import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../http/deps";
import { registerGetClientBalanceRoute } from "./client-billing/get-client-balance";
import { registerGetClientStatementRoute } from "./client-billing/get-client-statement";
import { registerListClientLedgerRoute } from "./client-billing/list-client-ledger";
import { registerListClientPaymentsRoute } from "./client-billing/list-client-payments";
import { registerRecordClientPaymentRoute } from "./client-billing/record-client-payment";
import { registerRefundClientPaymentRoute } from "./client-billing/refund-client-payment";
import { registerWriteOffClientBalanceRoute } from "./client-billing/write-off-client-balance";

/** A client's ledger and payments: one route file each under client-billing/. */
export const registerClientBillingRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerGetClientBalanceRoute(app, deps);
  registerListClientLedgerRoute(app, deps);
  registerListClientPaymentsRoute(app, deps);
  registerRecordClientPaymentRoute(app, deps);
  registerRefundClientPaymentRoute(app, deps);
  registerWriteOffClientBalanceRoute(app, deps);
  registerGetClientStatementRoute(app, deps);
};
