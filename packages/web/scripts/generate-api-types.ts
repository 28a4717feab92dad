// Writes src/api/schema.d.ts from the server's OpenAPI document: `npm run generate:api -w @billcycle/web`.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateApiTypes } from "./api-types";

const target = fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url));
writeFileSync(target, await generateApiTypes());
process.stdout.write(`wrote ${target}\n`);
