import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "./deps";

/**
 * Serves the built web app from `webRoot` on the API's own origin: files under /assets, and index.html for any
 * other page path (client-side routes). API, OpenAPI and health paths are never shadowed.
 */
export const mountWebApp = (app: OpenAPIHono<HonoEnv>, webRoot: string | undefined) => {
  if (!webRoot || !existsSync(join(webRoot, "index.html"))) return;
  const index = readFileSync(join(webRoot, "index.html"), "utf8");
  app.use("/assets/*", serveStatic({ root: webRoot }));
  app.get("/favicon.svg", serveStatic({ root: webRoot }));
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path.startsWith("/api/") || path === "/openapi.json" || path === "/docs" || path === "/healthz")
      return next();
    return c.html(index);
  });
};
