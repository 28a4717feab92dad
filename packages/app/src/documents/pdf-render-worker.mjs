// The pool thread's entry, plain JavaScript so any runtime can start it (tsx, vitest, plain node): it loads the
// compiled worker when one sits beside it, else registers tsx's loader in this thread and loads the TypeScript one.
import { existsSync } from "node:fs";

const compiled = new URL("./pdf-render-worker.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("./pdf-render-worker.ts", import.meta.url).href);
}
