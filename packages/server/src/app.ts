import { randomUUID } from "node:crypto";
import { authenticate, beginRequest, resources, roleIn } from "@billcycle/app";
import { DomainError, isDomainError } from "@billcycle/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { crossSiteGuard } from "./http/cross-site";
import type { AppDeps, HonoEnv } from "./http/deps";
import { recordId } from "./http/guards";
import { errorBody, fromZodError, statusFor } from "./http/outcomes";
import { bodySizeLimit, jsonComplexityLimit, requestTimeLimit } from "./http/request-limits";
import { noStore, securityHeaders } from "./http/security-headers";
import { refuseUnstorableText } from "./http/storable-text";
import { mountWebApp } from "./http/web-app";
import { registerAppointmentStatusRoute } from "./routes/appointment-status";
import { registerAuthRoutes, SESSION_COOKIE } from "./routes/auth";
import { registerAutomationRoutes } from "./routes/automation";
import { registerClaimsPipelineRoutes } from "./routes/claims-pipeline";
import { registerClientBillingRoutes } from "./routes/client-billing";
import { docsPage } from "./routes/docs-page";
import { registerDocumentRoutes } from "./routes/documents";
import { registerEmployerBillingRoutes } from "./routes/employer-billing";
import { registerInvoiceActionRoutes } from "./routes/invoice-actions";
import { registerNoteRoutes } from "./routes/notes";
import { registerOutreachRoutes } from "./routes/outreach";
import { registerPaymentRoutes } from "./routes/payments";
import { registerPracticeRoutes } from "./routes/practices";
import { registerResourceRoutes } from "./routes/resources";
import { registerSharingRoutes } from "./routes/sharing";

export const createApp = (deps: AppDeps) => {
  const app = new OpenAPIHono<HonoEnv>({
    // Validation failures become coded errors in the one error handler below.
    defaultHook: (result) => {
      if (!result.success) throw fromZodError(result.error);
    },
  });

  // While a request is answered, the embedded database's nightly batches wait (billing/batching.ts).
  app.use("*", async (_c, next) => {
    const end = beginRequest();
    try {
      await next();
    } finally {
      end();
    }
  });

  app.use("*", async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    await next();
    // Route pattern, not the URL: ids and query strings stay out of the log.
    deps.logger.info("request", {
      reqId: requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  // Before any work (authentication included): headers on every answer, the time limit, the body size, and
  // where a state-changing request comes from.
  app.use("*", securityHeaders(deps));
  app.use("/api/*", noStore());
  app.use("/d/*", noStore());
  app.use("/pay/*", noStore());
  app.use("/api/*", requestTimeLimit(deps));
  app.use("*", bodySizeLimit());
  // Counted on the text, before anything parses the body (the unstorable-text check and the route's validator).
  app.use("/api/*", jsonComplexityLimit());
  app.use("/api/*", crossSiteGuard(deps));

  app.use("/api/*", async (c, next) => {
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const now = deps.clock.now();
    const user = bearer
      ? await authenticate(deps.database, { kind: "token", secret: bearer }, now)
      : cookie
        ? await authenticate(deps.database, { kind: "session", secret: cookie }, now, {
            sessionIdleMs: deps.sessionIdleMs,
          })
        : null;
    if (bearer && !user) throw new DomainError("UNAUTHENTICATED", "The API token is unknown or revoked");
    c.set("user", user);
    await next();
  });
  // Text the database cannot store (NUL, lone surrogates) is the caller's mistake: 400, before any route reads it.
  app.use("*", refuseUnstorableText);

  // Every practice-scoped route: a signed-in member of that practice, or 404 as if it did not exist.
  const practiceAccess = createMiddleware<HonoEnv>(async (c, next) => {
    const user = c.get("user");
    if (!user)
      throw new DomainError("UNAUTHENTICATED", "Sign in, or send an API token as a Bearer credential");
    const practiceId = recordId(c.req.param("practiceId") ?? "", "Practice");
    const role = await roleIn(deps.database, user.id, practiceId);
    if (!role) throw new DomainError("NOT_FOUND", "Practice not found", { entity: "Practice" });
    c.set("actor", { userId: user.id, practiceId, role, label: user.via });
    await next();
  });
  app.use("/api/v1/practices/:practiceId/*", practiceAccess);
  app.use("/api/v1/practices/:practiceId", practiceAccess);

  app.get("/healthz", async (c) => {
    await deps.database.exec("SELECT 1");
    return c.json({ status: "ok", database: deps.database.kind });
  });

  registerAuthRoutes(app, deps);
  registerPracticeRoutes(app, deps);
  registerAppointmentStatusRoute(app, deps);
  registerAutomationRoutes(app, deps);
  registerInvoiceActionRoutes(app, deps);
  registerClaimsPipelineRoutes(app, deps);
  registerClientBillingRoutes(app, deps);
  registerEmployerBillingRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerSharingRoutes(app, deps);
  registerOutreachRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerNoteRoutes(app, deps);
  for (const def of resources) registerResourceRoutes(app, deps, def);

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "billcycle API",
      version: "0.1.0",
      description:
        "Billing automation for outpatient practices. Every practice-scoped route answers 404 to non-members. " +
        "Errors carry a machine-readable `error.code`. Money is integer cents; dates of service are local dates.",
    },
    security: [{ session: [] }, { bearer: [] }],
  });
  app.get("/docs", (c) => c.html(docsPage));
  mountWebApp(app, deps.webRoot);

  app.notFound((c) => c.json(errorBody(new DomainError("NOT_FOUND", "No such route")), 404));

  app.onError((err, c) => {
    let e: DomainError;
    if (isDomainError(err)) e = err;
    else if (err instanceof HTTPException && isDomainError(err.cause)) e = err.cause;
    else if (err instanceof HTTPException && err.status === 400 && /json/i.test(err.message)) {
      e = new DomainError("MALFORMED_JSON", "The request body is not valid JSON");
    } else if (err instanceof HTTPException) {
      e = new DomainError(err.status === 401 ? "UNAUTHENTICATED" : "VALIDATION_FAILED", err.message);
    } else {
      const errorId = randomUUID();
      // Name and database error code only: messages of driver errors can echo row values.
      deps.logger.error("unhandled", {
        reqId: c.get("requestId"),
        errorId,
        name: err.name,
        pgCode: (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code,
      });
      e = new DomainError("INTERNAL", `Something went wrong (error id ${errorId})`);
    }
    const status = statusFor(e.code);
    if (e.code === "RATE_LIMITED") c.header("Retry-After", String(e.details?.retryAfterSeconds ?? 900));
    return c.json(errorBody(e), status);
  });

  return app;
};

export type App = ReturnType<typeof createApp>;
