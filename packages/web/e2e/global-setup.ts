import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = join(webDir, "..", "..");

/** Newest modification time of any file under these paths. */
const newest = (paths: string[]): number => {
  let latest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules") walk(join(p, entry));
    } else latest = Math.max(latest, s.mtimeMs);
  };
  for (const p of paths) walk(p);
  return latest;
};

/** The browser tests drive the built app as billcycle serves it: build it when missing or older than its sources. */
export default async function setup() {
  const index = join(webDir, "dist", "index.html");
  const sources = newest([
    join(webDir, "src"),
    join(webDir, "public"),
    join(webDir, "index.html"),
    join(webDir, "vite.config.ts"),
    join(repoDir, "packages", "core", "src"),
  ]);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stdout.write("e2e: building the web app…\n");
  await build({ root: webDir, configFile: join(webDir, "vite.config.ts"), logLevel: "warn" });
}
