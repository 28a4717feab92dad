import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// jsdom has no CSS.escape, which react-aria uses when it reads <meta> values.
const css = (globalThis.CSS ?? {}) as { escape?: (value: string) => string };
if (!css.escape) {
  css.escape = (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
  Object.defineProperty(globalThis, "CSS", { value: css, configurable: true });
}

// Generous waits: the suite shares two cores with the database tests.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  if (typeof window !== "undefined") window.localStorage.clear();
});
