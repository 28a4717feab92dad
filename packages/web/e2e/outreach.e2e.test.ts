import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemo } from "@billcycle/cli";
import { localDateAt, type OutreachSetStatus, systemClock } from "@billcycle/core";
import { type Database, migrate, openDatabase, runPrepared, tables } from "@billcycle/db";
import { startServer } from "@billcycle/server";
import { startTwilioFake, type TwilioFake } from "@billcycle/twilio-fake";
import { eq, sql } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, WEB_ROOT } from "./support/billcycle";
import { launchBrowser, newPage } from "./support/browser";
import { type OutreachSeed, seedOutreach } from "./support/outreach-seed";

/** The README's pictures, rewritten only on request (`UPDATE_SCREENSHOTS=1`), as in billcycle.e2e.test.ts. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
  : `${mkdtempSync(join(tmpdir(), "billcycle-shots-"))}/`;

/** Polls for up to 20 s: the machine running the browser tests may be busy (vitest's default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let dataDir: string;
let database: Database;
let twilio: TwilioFake;
let server: { url: string; close(): Promise<void> };
let riverbend: string;
let seed: OutreachSeed;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const screen = () => `/p/${riverbend}/billing/outreach`;
const table = () => page.getByRole("table", { name: "Invoice sets" });
/** A set's row, found by its checkbox (the expanded timeline under it names the patient too). */
const rowOf = (name: string): Locator =>
  table()
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: `Select ${name}`, exact: true }) });
const badgeOf = (name: string) => rowOf(name).locator(".badge-set").textContent();
/** The patients of the rows shown, from their checkboxes. */
const patientsShown = async () =>
  (
    await table()
      .getByRole("checkbox", { name: /^Select (?!all)/ })
      .evaluateAll((boxes) => boxes.map((b) => b.getAttribute("aria-label") ?? ""))
  )
    .map((label) => label.replace(/^Select /, ""))
    .sort();

const statusOf = async (setId: string) =>
  (
    await database.db
      .select({ status: tables.outreachSets.status })
      .from(tables.outreachSets)
      .where(eq(tables.outreachSets.id, setId))
  )[0]?.status;

/** The practice's sets per status, straight from the database: what the cards must say. */
const countsByStatus = async (): Promise<Partial<Record<OutreachSetStatus, number>>> => {
  const rows = await runPrepared<{ status: OutreachSetStatus; n: number }>(
    database.db,
    sql`SELECT status, count(*)::int AS n FROM outreach_sets WHERE practice_id = ${riverbend}::uuid GROUP BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
};

const menuItems = async (name: string) => {
  await rowOf(name)
    .getByRole("button", { name: `Actions for ${name}` })
    .click();
  const menu = page.getByRole("menu");
  await menu.waitFor();
  return (await menu.getByRole("menuitem").allTextContents()).map((t) => t.trim());
};

/** A taller window for the picture, so the list and an open timeline fit without a stitched full page. */
const shot = async (name: string) => {
  await page.setViewportSize({ width: 1366, height: 1280 });
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector("main")?.scrollTo(0, 0);
  });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
  await page.setViewportSize({ width: 1366, height: 768 });
};

const open = async (query = "") => {
  await page.goto(`${screen()}${query}`);
  await page.getByRole("heading", { level: 1, name: "Invoice Management" }).waitFor();
};

describe("Invoice Management (patient outreach) in a browser", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "billcycle-e2e-outreach-"));
    database = await openDatabase({ kind: "pglite", dataDir });
    await migrate(database);
    const now = new Date();
    const summary = await seedDemo(database, now);
    if (!summary) throw new Error("demo data already present");
    riverbend = summary.practices.find((p) => p.name.startsWith("Riverbend"))!.id;
    twilio = await startTwilioFake();
    seed = await seedOutreach(database, riverbend, twilio, now);
    server = await startServer(
      {
        database,
        clock: systemClock,
        logger: { info: () => undefined, error: () => undefined },
        webRoot: WEB_ROOT,
      },
      { port: 0, host: "127.0.0.1" },
    );
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, server.url));
    await page.goto("/");
    await page.getByLabel("Email").fill("biller@demo.billcycle.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close().catch(() => undefined);
    await twilio?.close();
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(SCREENSHOTS, { recursive: true, force: true });
  });

  it("is under Billing in the navigation; the four cards count the practice's sets and a card filters to its status", async () => {
    await page.goto(`/p/${riverbend}/invoices`);
    await page.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Invoice Management" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Invoice Management" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(screen());
    const counts = await countsByStatus();
    const cards = page.getByRole("region", { name: "Invoice metrics" });
    const cardLabels = [
      ["Failed", "failed"],
      ["Expired", "expired"],
      ["Paused", "paused"],
      ["Will Fail", "will_fail"],
    ] as const;
    for (const [label, status] of cardLabels) {
      expect(counts[status] ?? 0).toBeGreaterThan(0);
      await cards.getByRole("button", { name: `${label}: ${counts[status]}`, exact: true }).waitFor();
    }

    const paused = cards.getByRole("button", { name: /^Paused: / });
    await paused.click();
    await poll(() => paused.getAttribute("aria-pressed")).toBe("true");
    expect(new URL(page.url()).searchParams.get("status")).toBe("paused");
    await poll(async () => (await patientsShown()).length).toBe(counts.paused);
    const badges = await table().locator(".badge-set").allTextContents();
    expect(new Set(badges)).toEqual(new Set(["Paused"]));
    expect(await patientsShown()).toContain(seed.sets.paused.name);
    // The cards follow the practice, not the filter: the others still count theirs.
    await cards.getByRole("button", { name: `Failed: ${counts.failed}`, exact: true }).waitFor();

    await cards.getByRole("button", { name: /^Will Fail: / }).click();
    await poll(() => new URL(page.url()).searchParams.get("status")).toBe("will_fail");
    await poll(() => patientsShown()).toContain(seed.sets.willFail.name);
    expect(new Set(await table().locator(".badge-set").allTextContents())).toEqual(new Set(["Will Fail"]));
    expect(await rowOf(seed.sets.willFail.name).textContent()).toContain("The patient has no phone number");
    await cards.getByRole("button", { name: /^Will Fail: / }).click();
    await poll(() => new URL(page.url()).searchParams.get("status")).toBeNull();
  });

  it("pauses and resumes one set from its actions menu, offering only what the status allows", async () => {
    const { name, setId } = seed.sets.toggle;
    await open(`?q=${encodeURIComponent(name)}`);
    await rowOf(name).waitFor();
    expect(await badgeOf(name)).toBe("Active");
    // An Active set cannot be resumed: the menu does not offer it.
    expect(await menuItems(name)).toEqual([
      "Write Off",
      "Send to Collections",
      "Change Rule Set",
      "Pause",
      "Cancel",
    ]);
    await page.getByRole("menuitem", { name: "Pause", exact: true }).click();
    const pause = page.getByRole("alertdialog", { name: `Pause ${name}'s invoice set?` });
    await pause.getByRole("button", { name: "Pause", exact: true }).click();
    await pause.waitFor({ state: "hidden" });
    await poll(() => badgeOf(name)).toBe("Paused");
    await page
      .getByRole("status")
      .filter({ hasText: `Paused ${name}'s invoice set.` })
      .waitFor();
    expect(await statusOf(setId)).toBe("paused");

    expect(await menuItems(name)).toEqual([
      "Write Off",
      "Send to Collections",
      "Change Rule Set",
      "Resume",
      "Cancel",
    ]);
    await page.getByRole("menuitem", { name: "Resume", exact: true }).click();
    const resume = page.getByRole("alertdialog", { name: `Resume ${name}'s invoice set?` });
    await resume.getByRole("button", { name: "Resume", exact: true }).click();
    await resume.waitFor({ state: "hidden" });
    await poll(() => badgeOf(name)).toBe("Active");
    expect(await statusOf(setId)).toBe("active");

    // A finished set (written off, in collections) has nothing left to do: no actions menu at all.
    for (const done of [seed.sets.writtenOff, seed.sets.collections]) {
      await open(`?q=${encodeURIComponent(done.name)}`);
      await rowOf(done.name).waitFor();
      expect(
        await rowOf(done.name)
          .getByRole("button", { name: /^Actions for / })
          .count(),
      ).toBe(0);
    }
  });

  it("changes a set's rule set through the dialog", async () => {
    const { name, setId } = seed.sets.active;
    await open(`?q=${encodeURIComponent(name)}`);
    await rowOf(name).waitFor();
    expect(await rowOf(name).textContent()).toContain("Standard reminders");
    await menuItems(name);
    await page.getByRole("menuitem", { name: "Change Rule Set" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Change Rule Set ${name}'s invoice set?` });
    await dialog.getByRole("button", { name: /Rule set/ }).click();
    await page.getByRole("option", { name: "Final notice", exact: true }).click();
    await dialog.getByRole("button", { name: "Change Rule Set", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await poll(async () => rowOf(name).textContent()).toContain("Final notice");
    const [row] = await database.db
      .select({ ruleSetId: tables.outreachSets.ruleSetId })
      .from(tables.outreachSets)
      .where(eq(tables.outreachSets.id, setId));
    expect(row?.ruleSetId).toBe(seed.ruleSets.finalNotice);
  });

  it("combines search, status and amount filters on the server and keeps them in the URL", async () => {
    const family = [seed.sets.toggle, seed.sets.active, seed.sets.paused, seed.sets.expired];
    await open();
    const filters = page.getByRole("search", { name: "Filter invoice sets" });
    await filters.getByRole("searchbox", { name: "Search" }).fill("512-555-0142");
    await poll(() => new URL(page.url()).searchParams.get("q")).toBe("512-555-0142");
    await poll(() => patientsShown()).toEqual(family.map((s) => s.name).sort());

    for (const status of ["Expired", "Paused"]) {
      // The list stays open while picking several; open it when it is not.
      if ((await page.getByRole("listbox").count()) === 0)
        await filters.getByRole("button", { name: /Status/ }).click();
      await page.getByRole("option", { name: status, exact: true }).click();
      // The next pick starts from what the field shows: wait until it shows this one (the address changes first;
      // the router renders the change in a transition, later under load, and a pick before it starts from none).
      await poll(() => new URL(page.url()).searchParams.get("status") ?? "").toContain(status.toLowerCase());
      await poll(async () => filters.getByRole("button", { name: /Status/ }).textContent()).toContain(status);
    }
    await page.keyboard.press("Escape");
    await poll(() => new URL(page.url()).searchParams.get("status")?.split(",").sort()).toEqual([
      "expired",
      "paused",
    ]);
    const narrowed = [seed.sets.paused, seed.sets.expired];
    await poll(() => patientsShown()).toEqual(narrowed.map((s) => s.name).sort());

    // Dollars on the screen, cents to the API (and in the address).
    const min = Math.max(...narrowed.map((s) => s.amountOutstandingCents));
    await filters.getByRole("textbox", { name: "Min amount ($)" }).fill((min / 100).toFixed(2));
    await filters.getByRole("button", { name: "Apply amount" }).click();
    await poll(() => new URL(page.url()).searchParams.get("min")).toBe(String(min));
    const atLeast = narrowed.filter((s) => s.amountOutstandingCents >= min).map((s) => s.name);
    await poll(() => patientsShown()).toEqual(atLeast.sort());

    // The address alone brings the same list back.
    const address = page.url();
    await page.goto(address);
    await poll(() => patientsShown()).toEqual(atLeast.sort());
    expect(await filters.getByRole("searchbox", { name: "Search" }).inputValue()).toBe("512-555-0142");

    await filters.getByRole("button", { name: "Clear filters" }).click();
    await poll(() => new URL(page.url()).search).toBe("");
    await poll(async () => (await patientsShown()).length).toBeGreaterThan(family.length);

    // Rule set, then the practice's calendar days: created on or before three days ago, next send from today.
    const { failed, expired, active } = seed.sets;
    await filters.getByRole("button", { name: /Rule set/ }).click();
    await page.getByRole("option", { name: "Final notice", exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get("ruleSet")).toBe(seed.ruleSets.finalNotice);
    await poll(() => patientsShown()).toEqual([failed.name, expired.name, active.name].sort());
    const [practice] = await database.db
      .select({ timeZone: tables.practices.timeZone })
      .from(tables.practices)
      .where(eq(tables.practices.id, riverbend));
    const dayIn = (at: Date) => localDateAt(at, practice!.timeZone);
    await filters.getByLabel("Created to").fill(dayIn(new Date(Date.now() - 3 * 86_400_000)));
    await poll(() => patientsShown()).toEqual([failed.name, expired.name].sort());
    await filters.getByLabel("Created to").fill("");
    await filters.getByLabel("Next send from").fill(dayIn(new Date()));
    await poll(() => new URL(page.url()).searchParams.get("createdTo")).toBeNull();
    await poll(() => patientsShown()).toEqual([active.name]);
    await filters.getByRole("button", { name: "Clear filters" }).click();
    await poll(() => new URL(page.url()).search).toBe("");
  });

  it("pauses a mix of sets in bulk and says how many were done and which were skipped, and why", async () => {
    const { toggle, active, paused } = seed.sets;
    await open(`?q=${encodeURIComponent("512-555-0142")}`);
    await rowOf(paused.name).waitFor();
    for (const s of [toggle, active, paused])
      await page.getByRole("checkbox", { name: `Select ${s.name}` }).check({ force: true });
    const bar = page.getByRole("toolbar", { name: "Bulk actions" });
    expect(await bar.textContent()).toContain("3 selected");
    expect(await bar.getByRole("button").allTextContents()).toEqual([
      "Write Off",
      "Send to Collections",
      "Change Rule Set",
      "Pause",
      "Resume",
      "Cancel",
      "Clear selection",
    ]);
    await bar.getByRole("button", { name: "Pause", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Pause 3 invoice sets?" });
    expect(await dialog.textContent()).toContain("2 can be changed now");
    await dialog.getByRole("button", { name: "Pause", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    const result = page.getByRole("status").filter({ hasText: "Pause: 2 done, 1 skipped." });
    await result.waitFor();
    expect(await result.getByRole("list", { name: "Skipped" }).textContent()).toBe(
      `${paused.name} (Paused): Pause is not available for Paused invoices.`,
    );
    await poll(() => badgeOf(toggle.name)).toBe("Paused");
    await poll(() => badgeOf(active.name)).toBe("Paused");
    expect([
      await statusOf(toggle.setId),
      await statusOf(active.setId),
      await statusOf(paused.setId),
    ]).toEqual(["paused", "paused", "paused"]);
    // The selection went with the action.
    expect(await bar.count()).toBe(0);
  });

  it("shows a set's Invoice Timeline in words: the message, its delivery, the reply, the payment, the status", async () => {
    const { name } = seed.sets.expired;
    await open(`?q=${encodeURIComponent(name)}`);
    await rowOf(name).waitFor();
    await rowOf(name)
      .getByRole("button", { name: `Show details of ${name}` })
      .click();
    const timeline = page.getByRole("list", { name: `Invoice Timeline of ${name}` });
    await timeline.waitFor();
    const entries = (await timeline.getByRole("listitem").allTextContents()).join("\n");
    expect(entries).toMatch(
      /Outreach started by hand for \d+ invoices?, \$[\d,]+\.\d\d outstanding — Ben Biller/,
    );
    expect(entries).toMatch(/Text message \(step 1\) to \+15125550142: delivered — Automatic outreach/);
    expect(entries).toContain("Riverbend Counseling still shows");
    expect(entries).toContain(
      "Status changed from Active to Expired: every step of the rule set was sent — Automatic outreach",
    );
    expect(entries).toContain(
      "Delivery report for the text message to +15125550142: delivered — The text message provider",
    );
    expect(entries).toContain(`The patient replied — The patient${seed.replyText}`);
    expect(entries).toMatch(
      /Payment recorded \(client payment\) — Ben Biller\$[\d,]+\.\d\d outstanding after it/,
    );
    // Who and what in words: no ids (the message text keeps its pay link, as it was sent).
    for (const what of await timeline.locator(".timeline-what").allTextContents())
      expect(what).not.toMatch(UUID);

    const failed = seed.sets.failed;
    await open(`?q=${encodeURIComponent(failed.name)}`);
    await rowOf(failed.name)
      .getByRole("button", { name: `Show details of ${failed.name}` })
      .click();
    const failedEntries = await page
      .getByRole("list", { name: `Invoice Timeline of ${failed.name}` })
      .getByRole("listitem")
      .allTextContents();
    expect(failedEntries.join("\n")).toContain("Not delivered: The patient has no phone number");
    expect(failedEntries.join("\n")).toContain("Status changed from Will Fail to Failed");

    // The README's picture: every set (today's are newest, so on the first page) and one set's timeline, whose
    // pauses and resume are said with the biller's name.
    const { toggle } = seed.sets;
    await open();
    await rowOf(toggle.name)
      .getByRole("button", { name: `Show details of ${toggle.name}` })
      .click();
    const toggled = page.getByRole("list", { name: `Invoice Timeline of ${toggle.name}` });
    await toggled.waitFor();
    expect(await toggled.textContent()).toContain("Status changed from Active to Paused — Ben Biller");
    await shot("invoice-management");
  });

  it("Take Payment opens the patient's Billing tab with the payment form for what is outstanding", async () => {
    const { name, clientId, amountOutstandingCents } = seed.sets.expired;
    await open(`?q=${encodeURIComponent(name)}`);
    await rowOf(name)
      .getByRole("link", { name: `Take Payment from ${name}` })
      .click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const dialog = page.getByRole("dialog", { name: "Take a payment" });
    await dialog.waitFor();
    expect(await dialog.getByRole("textbox", { name: "Amount ($)" }).inputValue()).toBe(
      (amountOutstandingCents / 100).toFixed(2),
    );
    expect(new URL(page.url()).pathname).toBe(`/p/${riverbend}/clients/${clientId}`);
    expect(new URL(page.url()).searchParams.get("tab")).toBe("billing");
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  it("exports the collections CSV through the API", async () => {
    await open();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export collections CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("collections.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    const [first, last] = seed.sets.collections.name.split(" ");
    expect(csv.split("\r\n")[0]).toMatch(/^set_id,patient_id,first_name,last_name,/);
    expect(csv).toContain(
      `${seed.sets.collections.setId},${seed.sets.collections.clientId},${first},${last},`,
    );
    expect(csv).not.toContain(seed.sets.writtenOff.setId);
  });

  it("says Loading… while the first page is on its way, never with No rows; then what matched nothing", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/outreach/sets?**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${screen()}?q=nobody-is-called-this`);
    const empty = table().locator(".empty-cell");
    await poll(() => empty.textContent()).toBe("Loading…");
    const pager = page.getByRole("navigation", { name: "Invoice sets pages" });
    expect(await pager.textContent()).not.toContain("No rows");
    release();
    await poll(() => empty.textContent()).toBe("No invoice sets match these filters.");
    // The table's own cell says so; the pager counts nothing rather than repeating it.
    expect(await pager.textContent()).not.toMatch(/No rows|Showing/);
    await page.unroute("**/outreach/sets?**");
  });
});
