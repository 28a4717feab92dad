import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeAll, vi } from "vitest";

// jsdom has no CSS.escape, which react-aria uses when it reads <meta> values.
const css = (globalThis.CSS ?? {}) as { escape?: (value: string) => string };
if (!css.escape) {
  css.escape = (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
  Object.defineProperty(globalThis, "CSS", { value: css, configurable: true });
}

// Generous waits: the suite shares two cores with the database tests, and a lazy screen's first render is
// concurrent (it yields), so a wait's timer runs while a slow first render is still under way.
configure({ asyncUtilTimeout: 15_000 });

// Screens are lazy chunks in the app; loaded here once, a test's first wait is for its data, not a module.
beforeAll(async () => {
  const { loadAllScreens } = await import("../app/routes");
  await loadAllScreens();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  if (typeof window !== "undefined") window.localStorage.clear();
});
