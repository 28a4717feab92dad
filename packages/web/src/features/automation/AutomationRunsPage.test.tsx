import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AutomationRun, RunOutcome } from "../../api/models";
import { PID, page } from "../../test/fixtures";
import { at, renderApp, searchLandmark } from "../../test/render";

const RUN = "12121212-1212-7121-8121-121212121212";
const APPT = "aaaaaaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa";
const INVOICE = "cccccccc-cccc-7ccc-8ccc-cccccccccccc";

const run: AutomationRun = {
  id: RUN,
  practiceId: PID,
  createdAt: "2025-03-04T05:00:00Z",
  automation: "invoice_creation",
  trigger: "schedule",
  localDate: "2025-03-03",
  scheduledAt: "2025-03-04T05:00:00Z",
  status: "done",
  late: true,
  latenessMs: 2 * 3_600_000 + 5 * 60_000,
  attempts: 1,
  startedAt: "2025-03-04T07:05:00Z",
  finishedAt: "2025-03-04T07:05:02Z",
  durationMs: 1500,
  counts: { considered: 12, invoiced: 9, skipped: 3 },
  note: null,
};

const outcome = (over: Partial<RunOutcome>): RunOutcome => ({
  id: "o1",
  practiceId: PID,
  runId: RUN,
  automation: "invoice_creation",
  trigger: "schedule",
  subjectType: "appointment",
  subjectId: APPT,
  outcome: "done",
  reasonCode: null,
  message: "invoiced on INV-1001",
  reasons: null,
  relatedId: INVOICE,
  at: "2025-03-04T07:05:01Z",
  ...over,
});

describe("automation runs", () => {
  it("lists runs with automation, practice-local time, lateness, counts and duration", async () => {
    renderApp(at("automation-runs"), { "GET /api/v1/practices/:pid/automation-runs": page([run]) });
    const link = await screen.findByRole("link", { name: /Invoice Creation run of Mon, Mar 3, 2025/ });
    const row = link.closest("tr")!;
    expect(row.textContent).toContain("Mon, Mar 3, 2025, 11:00 PM CST");
    expect(row.textContent).toContain("late 2h 5m");
    expect(row.textContent).toContain("considered 12 · invoiced 9 · skipped 3");
    expect(row.textContent).toContain("1.5 s");
  });

  it("shows a run's per-item outcomes, filtered by reason on the server", async () => {
    const { user, server } = renderApp(at(`automation-runs?run=${RUN}`), {
      "GET /api/v1/practices/:pid/automation-runs": page([run]),
      "GET /api/v1/practices/:pid/automation-runs/:id/outcomes": (req: { query: URLSearchParams }) =>
        req.query.get("reason") === "NOTE_NOT_SIGNED"
          ? page([
              outcome({
                id: "o2",
                outcome: "skipped",
                reasonCode: "NOTE_NOT_SIGNED",
                message: "progress note not signed",
                relatedId: null,
              }),
            ])
          : page([outcome({})]),
    });
    const outcomes = await screen.findByRole("region", {
      name: "Invoice Creation, night of Mon, Mar 3, 2025",
    });
    const session = await within(outcomes).findByRole("link", { name: /Session …/ });
    expect(session.getAttribute("href")).toBe(`/p/${PID}/sessions/${APPT}`);
    expect(within(outcomes).getByRole("link", { name: "invoice" }).getAttribute("href")).toBe(
      `/p/${PID}/invoices/${INVOICE}`,
    );

    await user.click(within(searchLandmark("Filter outcomes")).getByRole("button", { name: /Reason/ }));
    await user.click(await screen.findByRole("option", { name: "note not signed" }));
    await within(outcomes).findByText("progress note not signed");
    await waitFor(() =>
      expect(
        server
          .callsTo("GET", "/api/v1/practices/:pid/automation-runs/:id/outcomes")
          .at(-1)
          ?.query.get("reason"),
      ).toBe("NOTE_NOT_SIGNED"),
    );
  });

  it("filters runs by automation on the server", async () => {
    const { user, server } = renderApp(at("automation-runs"), {
      "GET /api/v1/practices/:pid/automation-runs": page([run]),
    });
    await screen.findByRole("link", { name: /Invoice Creation run/ });
    await user.click(within(searchLandmark("Filter runs")).getByRole("button", { name: /Automation/ }));
    await user.click(await screen.findByRole("option", { name: "Claims Submission" }));
    await waitFor(() =>
      expect(
        server.callsTo("GET", "/api/v1/practices/:pid/automation-runs").at(-1)?.query.get("automation"),
      ).toBe("claims_submission"),
    );
  });
});
