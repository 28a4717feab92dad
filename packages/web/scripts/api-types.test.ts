// @vitest-environment node
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateApiTypes } from "./api-types";

describe("generated API types", () => {
  it("src/api/schema.d.ts matches the server's OpenAPI document (run `npm run generate:api -w @billcycle/web`)", async () => {
    const committed = readFileSync(fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url)), "utf8");
    const fresh = await generateApiTypes();
    expect(fresh === committed, "schema.d.ts is stale: regenerate it").toBe(true);
  });
});
