// Before `npm start`: build the web app once if it has not been built (a fresh clone), so the start command
// serves the UI. `npm run build:web` rebuilds explicitly.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (
  existsSync("packages/web/package.json") &&
  existsSync("packages/web/index.html") &&
  !existsSync("packages/web/dist/index.html")
) {
  console.log("building the web app (first start)…");
  execSync("npm run build -w @billcycle/web", { stdio: "inherit" });
}
