import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { tables } from "@billcycle/db";
import { asc, desc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Billcycle, PASSWORD, startBillcycle } from "./support/billcycle";
import { launchBrowser, newPage } from "./support/browser";

/**
 * Every main screen loaded afresh (a full page load, as a bookmark or a reload does) on the demo data: the time
 * to its first meaningful content, and a watch that "Loading…" and an empty state ("No rows", "Nothing
 * matches") never show at once. Times are recorded, not asserted (the machine is shared); with
 * UPDATE_PERFORMANCE_DOC=1 they are written to docs/PERFORMANCE.md, "First load (browser)".
 */
const DOC = fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));

let app: Billcycle;
let browser: Browser;
let context: BrowserContext;
let page: Page;

type Screen = { name: string; path: string };
type Figure = Screen & { ms: number; apiCalls: number; apiSpanMs: number; slowest: string };

/** Runs in the page before its scripts: notes every moment a loading state and an empty state are both shown. */
const watchStates = () => {
  const w = window as unknown as { __bothShown: string[] };
  w.__bothShown = [];
  const text = (e: Element) => (e.textContent ?? "").trim();
  const check = () => {
    const loading = [...document.querySelectorAll(".loading, td.empty-cell")].some((e) =>
      text(e).startsWith("Loading"),
    );
    if (!loading) return;
    const empty = [...document.querySelectorAll(".empty, td.empty-cell, .pager > span")].find((e) => {
      const t = text(e);
      return t.length > 0 && !t.startsWith("Loading") && !t.startsWith("Showing");
    });
    if (empty) w.__bothShown.push(`${location.pathname}: ${text(empty)}`);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
};

/**
 * In the page: the screen's heading is shown, nothing says Loading, and its content is there (a table row,
 * whether data or the empty state, a form, a section or a list of facts). Returns ms since navigation start.
 */
const meaningfulContent = () => {
  const main = document.querySelector("main");
  if (!main?.querySelector("h1")) return false;
  const loading = [...main.querySelectorAll(".loading, td.empty-cell")].some((e) =>
    (e.textContent ?? "").trim().startsWith("Loading"),
  );
  if (loading) return false;
  if (!main.querySelector("tbody tr, form, section, dl, .empty, .board, .calendar")) return false;
  return performance.now();
};

const load = async (screen: Screen): Promise<Figure> => {
  await page.goto(screen.path);
  const handle = await page.waitForFunction(meaningfulContent, undefined, {
    polling: "raf",
    timeout: 60_000,
  });
  const ms = Math.round((await handle.jsonValue()) as number);
  const api = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname.startsWith("/api/"))
      .map((e) => ({
        path: new URL(e.name).pathname
          .replace(/^\/api\/v1\/practices\/[^/]+/, "")
          .replace(/[0-9a-f-]{36}/g, ":id"),
        start: e.startTime,
        end: e.startTime + e.duration,
      })),
  );
  const apiSpanMs = api.length
    ? Math.round(Math.max(...api.map((a) => a.end)) - Math.min(...api.map((a) => a.start)))
    : 0;
  const slow = [...api].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  const slowest = slow ? `${slow.path || "/"} ${Math.round(slow.end - slow.start)}` : "";
  return { ...screen, ms, apiCalls: api.length, apiSpanMs, slowest };
};

const writeDoc = (figures: Figure[], loadBefore: number[], loadAfter: number[]) => {
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(", ");
  const section = [
    "## First load (browser)",
    "",
    "`npx vitest run packages/web/e2e/first-load.e2e.test.ts` (UPDATE_PERFORMANCE_DOC=1 rewrites this section):",
    "headless Chromium, a full page load of each screen of Harbor (the demo practice with a few nights of engine",
    "history) with the app's assets already cached, the API on the embedded database (PGlite) in the same",
    "process. Time is from navigation start to the screen's first meaningful content (its heading and its rows,",
    "form or empty state, with no “Loading…” left). The machine is shared (2 cores, about 8 people):",
    `load average ${load(loadBefore)} before and ${load(loadAfter)} after (1, 5, 15 min), measured`,
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, so the figures are upper bounds.`,
    "",
    "| Screen | First content (ms) | API calls | API span (ms) | Slowest call (ms) |",
    "| --- | ---: | ---: | ---: | --- |",
    ...figures.map((f) => `| ${f.name} | ${f.ms} | ${f.apiCalls} | ${f.apiSpanMs} | \`${f.slowest}\` |`),
    "",
  ].join("\n");
  const doc = readFileSync(DOC, "utf8");
  const start = doc.indexOf("## First load (browser)");
  if (start < 0) return writeFileSync(DOC, `${doc.trimEnd()}\n\n${section}`);
  const next = doc.indexOf("\n## ", start + 1);
  writeFileSync(DOC, `${doc.slice(0, start)}${section}${next < 0 ? "" : doc.slice(next + 1)}`);
};

describe("every screen's first load on the demo data", () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startBillcycle(), launchBrowser()]);
    ({ context, page } = await newPage(browser, app.url));
    await context.addInitScript(watchStates);
    await page.goto("/");
    await page.getByLabel("Email").fill("biller@demo.billcycle.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it("shows each screen's content, never Loading… beside an empty state, and records the time", async () => {
    const first = <T>(rows: T[], what: string): T => {
      if (!rows[0]) throw new Error(`the demo data has no ${what}`);
      return rows[0];
    };
    const harbor = app.harbor;
    const invoice = first(
      await app.database.db
        .select({ id: tables.invoices.id })
        .from(tables.invoices)
        .where(eq(tables.invoices.practiceId, harbor))
        .orderBy(asc(tables.invoices.id))
        .limit(1),
      "invoice",
    );
    const claim = first(
      await app.database.db
        .select({ id: tables.claims.id })
        .from(tables.claims)
        .where(eq(tables.claims.practiceId, harbor))
        .orderBy(desc(tables.claims.updatedAt))
        .limit(1),
      "claim",
    );
    const client = first(
      await app.database.db
        .select({ id: tables.clients.id })
        .from(tables.clients)
        .where(eq(tables.clients.practiceId, harbor))
        .orderBy(asc(tables.clients.id))
        .limit(1),
      "client",
    );
    const p = `/p/${harbor}`;
    const screens: Screen[] = [
      { name: "Sessions", path: `${p}/sessions` },
      { name: "Sessions (calendar)", path: `${p}/sessions?view=calendar` },
      { name: "Clients", path: `${p}/clients` },
      { name: "Client", path: `${p}/clients/${client.id}` },
      { name: "Invoices", path: `${p}/invoices` },
      { name: "Pended review", path: `${p}/invoices/review` },
      { name: "Invoice", path: `${p}/invoices/${invoice.id}` },
      { name: "Employer billing", path: `${p}/employer-billing` },
      { name: "Claims board", path: `${p}/claims` },
      { name: "Claims list", path: `${p}/claims/list` },
      { name: "Claim", path: `${p}/claims/${claim.id}` },
      { name: "Denials", path: `${p}/claims/denials` },
      { name: "Remittances", path: `${p}/remittances` },
      { name: "Work queue", path: `${p}/work-queue` },
      { name: "Posting rules", path: `${p}/posting-rules` },
      { name: "Files", path: `${p}/files` },
      { name: "Automation runs", path: `${p}/automation-runs` },
      { name: "Setup", path: `${p}/setup` },
      { name: "Automation settings", path: `${p}/settings/automation` },
      { name: "Billing settings", path: `${p}/settings/billing` },
      { name: "API tokens", path: `${p}/settings/api-tokens` },
    ];
    const loadBefore = loadavg();
    const figures: Figure[] = [];
    const bothShown: string[] = [];
    for (const screen of screens) {
      figures.push(await load(screen));
      // The heading names the screen (not the not-found page), and no error took its place.
      expect(await page.locator("main h1").first().textContent(), screen.name).not.toMatch(/not found/i);
      expect(await page.getByRole("alert").count(), `${screen.name}: an error was shown`).toBe(0);
      bothShown.push(
        ...(await page.evaluate(() => (window as unknown as { __bothShown: string[] }).__bothShown)),
      );
    }
    const loadAfter = loadavg();
    process.stdout.write(
      `first load (ms), load ${loadBefore.map((n) => n.toFixed(2)).join(" ")}:\n${figures
        .map(
          (f) =>
            `  ${f.name}: ${f.ms} ms, ${f.apiCalls} API calls over ${f.apiSpanMs} ms; slowest ${f.slowest}`,
        )
        .join("\n")}\n`,
    );
    if (process.env.UPDATE_PERFORMANCE_DOC) writeDoc(figures, loadBefore, loadAfter);
    expect(bothShown, "Loading… and an empty state shown at once").toEqual([]);
  });
});
