import { screen } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AutomationRun } from "../api/models";
import { PID, page, practice } from "../test/fixtures";
import { at, renderApp } from "../test/render";

/**
 * The browser here is on Kiritimati (UTC+14), a day ahead of the practice in Chicago: a screen that formatted an
 * instant in the browser's zone would show the wrong day and hour.
 */
const browserZone = "Pacific/Kiritimati";
let savedZone: string | undefined;
beforeAll(() => {
  savedZone = process.env.TZ;
  process.env.TZ = browserZone;
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

const run: AutomationRun = {
  id: "12121212-1212-7121-8121-121212121212",
  practiceId: PID,
  createdAt: "2025-03-04T05:00:00Z",
  automation: "invoice_creation",
  trigger: "schedule",
  localDate: "2025-03-03",
  scheduledAt: "2025-03-04T05:00:00Z",
  status: "done",
  late: false,
  latenessMs: 0,
  attempts: 1,
  startedAt: "2025-03-04T05:00:01Z",
  finishedAt: "2025-03-04T05:00:02Z",
  durationMs: 1500,
  counts: { considered: 1, invoiced: 1 },
  note: null,
};

describe("dates and times on a screen follow the practice, not the browser", () => {
  it("the browser under test really is in another zone (so the checks below can fail)", () => {
    const browser = new Date(run.scheduledAt);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(browserZone);
    expect(`${browser.getDate()} ${browser.getHours()}`).toBe("4 19");
  });

  it("shows a run's scheduled instant in the practice's zone and its night as the practice's date", async () => {
    renderApp(at("automation-runs"), { "GET /api/v1/practices/:pid/automation-runs": page([run]) });
    const link = await screen.findByRole("link", { name: /Invoice Creation run of Mon, Mar 3, 2025/ });
    const row = link.closest("tr")!;
    expect(row.textContent).toContain("Mon, Mar 3, 2025, 11:00 PM CST");
    expect(row.textContent).not.toContain("Mar 4");
  });

  it("writes them in the practice's locale", async () => {
    renderApp(at("automation-runs"), {
      "GET /api/v1/practices/:pid": { ...practice, locale: "fr-CA" },
      "GET /api/v1/practices/:pid/automation-runs": page([run]),
    });
    const link = await screen.findByRole("link", { name: /Invoice Creation run of .*3 mars 2025/ });
    const row = link.closest("tr")!;
    expect(row.textContent).toMatch(/lun\.? 3 mars 2025/);
    expect(row.textContent).toContain("23 h 00");
    expect(row.textContent).not.toContain("PM");
  });
});
