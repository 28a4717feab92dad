import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import type { AppDeps } from "./http/deps";

export type RunningServer = { url: string; close(): Promise<void> };

/** Starts the HTTP server on host:port (port 0 picks a free one) and resolves once it listens. */
export const startServer = (
  deps: AppDeps,
  options: { port: number; host: string },
): Promise<RunningServer> => {
  const app = createApp(deps);
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.address.includes(":") ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((done, fail) => server.close((err) => (err ? fail(err) : done()))),
        });
      },
    );
  });
};
