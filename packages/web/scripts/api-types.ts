import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { systemClock } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { createApp } from "@billcycle/server";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * Generated from billcycle's OpenAPI document by packages/web/scripts/generate-api-types.ts.
 * Do not edit by hand: run \`npm run generate:api -w @billcycle/web\` after changing an API route.
 * A test regenerates this file in memory and fails when it differs from the committed copy.
 */

`;

/** The OpenAPI document exactly as the server serves it at /openapi.json (no database is touched for it). */
export const openApiDocument = async (): Promise<OpenAPI3> => {
  const unused = new Proxy({} as Database, {
    get: () => {
      throw new Error("the OpenAPI document needs no database");
    },
  });
  const app = createApp({
    database: unused,
    clock: systemClock,
    logger: { info: () => undefined, error: () => undefined },
  });
  const res = await app.request("/openapi.json");
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenAPI3;
};

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Formats with the repository's Biome settings, so the committed file passes `npm run lint` as generated. */
const biomeFormat = (source: string): string => {
  const result = spawnSync(
    `${repoRoot}node_modules/.bin/biome`,
    ["format", "--stdin-file-path=packages/web/src/api/schema.d.ts"],
    { cwd: repoRoot, input: source, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr}`);
  return result.stdout;
};

/** TypeScript types for the whole API (paths, operations, components), as committed in src/api/schema.d.ts. */
export const generateApiTypes = async (): Promise<string> => {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: false });
  return biomeFormat(HEADER + astToString(ast));
};
