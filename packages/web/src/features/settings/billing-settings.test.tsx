import {
  type AutomationKind,
  automationInfo,
  automationKinds,
  defaultAutomationConfig,
  defaultPracticeBillingSettings,
} from "@billcycle/core";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Practice } from "../../api/models";
import { type MockRequest, reply } from "../../test/api-mock";
import { CLIENT, LOCATION, PID, PROVIDER, page, practice } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

const APPT = "aaaaaaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa";

/** The automation settings as the server answers them: everything off. */
const automationState = () => {
  const config = defaultAutomationConfig();
  const describe = (kind: AutomationKind) => ({
    kind,
    title: automationInfo[kind].title,
    explanation: automationInfo[kind].explanation,
    defaultRunTime: automationInfo[kind].defaultRunTime,
    nextRunAt: null,
  });
  return {
    config,
    version: 1,
    timeZone: "America/New_York",
    automations: Object.fromEntries(automationKinds.map((k) => [k, describe(k)])),
  };
};

let automation = automationState();

/** A stand-in for the practice routes that keeps the settings and version, as the server would. */
const practiceApi = () => {
  automation = automationState();
  const state = {
    ...practice,
    version: 3,
    billingSettings: { ...defaultPracticeBillingSettings },
  } as unknown as Practice;
  return {
    state,
    routes: {
      "GET /api/v1/practices/:pid": () => state,
      "GET /api/v1/practices/:pid/automation": () => automation,
      "PUT /api/v1/practices/:pid/automation": (req: MockRequest) => {
        const body = req.body as { config: typeof automation.config; version: number };
        automation = { ...automation, config: body.config, version: automation.version + 1 };
        return automation;
      },
      "PATCH /api/v1/practices/:pid/billing-settings": (req: MockRequest) => {
        const { version, ...patch } = req.body as { version: number } & Partial<Practice["billingSettings"]>;
        if (version !== state.version)
          return reply(409, { error: { code: "VERSION_CONFLICT", message: "changed by someone else" } });
        if (
          patch.lateCancelFeeCents !== undefined &&
          patch.lateCancelFeeCents !== null &&
          patch.lateCancelFeeCents > 100000
        )
          return reply(400, {
            error: {
              code: "INVALID_MONEY",
              message: "lateCancelFeeCents: a fee is at most $1,000.00",
              issues: [
                { path: "lateCancelFeeCents", code: "INVALID_MONEY", message: "a fee is at most $1,000.00" },
              ],
            },
          });
        Object.assign(state.billingSettings, patch);
        state.version += 1;
        const defaults = Object.keys(patch).filter((k) => k.startsWith("default"));
        return {
          ...state,
          billingSettings: { ...state.billingSettings },
          warnings:
            automation.config.automations.autopay.enabled && state.billingSettings.shareDelayMinutes < 60
              ? [{ code: "SHARE_DELAY_BEFORE_AUTOPAY", message: "server: set at least 60 minutes" }]
              : [],
          existingClients: defaults.length
            ? { unaffected: 4, changedDefaults: defaults, message: "The 4 existing clients keep their own." }
            : null,
        };
      },
    },
  };
};

describe("Billing Settings", () => {
  it("opens from the Late Cancel hint on a session, at the fee, and saves dollars as cents", async () => {
    const p = practiceApi();
    const { user, server, router } = renderApp(at(`sessions/${APPT}`), {
      ...p.routes,
      "GET /api/v1/practices/:pid/appointments/:id": {
        id: APPT,
        practiceId: PID,
        createdAt: "2025-03-01T12:00:00Z",
        updatedAt: "2025-03-01T12:00:00Z",
        version: 2,
        clientId: CLIENT,
        providerId: PROVIDER,
        locationId: LOCATION,
        startsAt: "2025-03-03T15:00:00Z",
        endsAt: "2025-03-03T15:50:00Z",
        dateOfService: "2025-03-03",
        status: "late_cancel",
        statusChangedAt: "2025-03-03T16:00:00Z",
        services: [],
      },
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": {
        appointmentId: APPT,
        status: "late_cancel",
        dateOfService: "2025-03-03",
        billed: null,
        reasons: [
          {
            code: "LATE_CANCEL_NOT_CHARGED",
            message: "Late Cancel sessions are not billed: the practice charges no Late Cancel fee",
            fix: "set a Late Cancel fee in billing settings",
          },
        ],
        tonight: "It will not be invoiced.",
        nextRunAt: null,
        history: [],
      },
      "GET /api/v1/practices/:pid/progress-notes": page([]),
    });
    const reasons = await screen.findByRole("list", { name: "Why this session was not billed" });
    // The hint's words link to the screen, and a button goes straight to the fee.
    expect(within(reasons).getByRole("link", { name: "billing settings" }).getAttribute("href")).toBe(
      `/p/${PID}/settings/billing`,
    );
    await user.click(within(reasons).getByRole("link", { name: "Set the Late Cancel fee" }));
    await screen.findByRole("heading", { level: 1, name: "Billing Settings" });
    expect(router.state.location.search).toBe("?field=lateCancelFee");
    const fee = screen.getByLabelText("Late Cancel fee ($)");
    await waitFor(() => expect(document.activeElement).toBe(fee));

    await user.type(fee, "12.5x");
    await user.click(screen.getByRole("button", { name: "Save missed session fees" }));
    expect(fee.closest(".field")?.textContent).toContain("Dollars, e.g. 50 or 49.50");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/billing-settings")).toHaveLength(0);

    await user.clear(fee);
    await user.type(fee, "2000");
    await user.click(screen.getByRole("button", { name: "Save missed session fees" }));
    await waitFor(() =>
      expect(fee.closest(".field")?.textContent).toContain("A fee is at most $1,000.00 (INVALID_MONEY)"),
    );

    await user.clear(fee);
    await user.type(fee, "$45.50");
    await user.click(screen.getByRole("button", { name: "Save missed session fees" }));
    await screen.findByText("Missed session fees saved.");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/billing-settings").at(-1)?.body).toEqual({
      noShowFeeCents: null,
      lateCancelFeeCents: 4550,
      version: 3,
    });
    expect(p.state.billingSettings.lateCancelFeeCents).toBe(4550);
  });

  it("saves each concern on its own with the latest version: notes, superbills, sharing, autopay", async () => {
    const p = practiceApi();
    const { user, server } = renderApp(at("settings/billing"), p.routes);
    await screen.findByRole("heading", { level: 1, name: "Billing Settings" });
    const notes = screen.getByRole("form", { name: "Progress notes" });
    await user.click(within(notes).getByRole("checkbox", { name: /progress note is signed/ }));
    await user.click(within(notes).getByRole("button", { name: "Save progress notes" }));
    await within(notes).findByText("Progress notes saved.");

    const superbills = await screen.findByRole("form", { name: "Automatically creating superbills" });
    const day = within(superbills).getByLabelText("Superbill day of the month");
    expect(day.closest(".field")?.textContent).toContain("created on the month's last day");
    await user.clear(day);
    await user.type(day, "32");
    await user.click(
      within(superbills).getByRole("button", { name: "Save automatically creating superbills" }),
    );
    expect(day.closest(".field")?.textContent).toContain("A day of the month from 1 to 31");
    await user.clear(day);
    await user.type(day, "31");
    await user.click(within(superbills).getByRole("checkbox", { name: /New clients: automatically create/ }));
    await user.click(
      within(superbills).getByRole("button", { name: "Save automatically creating superbills" }),
    );
    await within(superbills).findByText(/saved\. The 4 existing clients keep their own\./);

    // Autopay on (its automation's own switch, confirmed), then a short delay warns before and after saving.
    await user.click(screen.getByRole("switch", { name: "Autopay" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Enable Autopay?" });
    expect(dialog.textContent).toContain("12:30am");
    await user.click(within(dialog).getByRole("button", { name: "Enable" }));
    await screen.findByText("Autopay enabled.");
    expect(automation.config.automations.autopay.enabled).toBe(true);

    const sharing = screen.getByRole("form", { name: "Automatically sharing billing documents" });
    const delay = within(sharing).getByLabelText("Share after (minutes)");
    await user.clear(delay);
    await user.type(delay, "30");
    expect(sharing.textContent).toContain(
      "set at least 60 minutes so autopay (00:30) runs before bills are shared",
    );
    await user.click(within(sharing).getByRole("radio", { name: "Superbills only" }));
    await user.click(
      within(sharing).getByRole("button", { name: "Save automatically sharing billing documents" }),
    );
    await within(sharing).findByText("server: set at least 60 minutes");

    const autopay = screen.getByRole("form", { name: "Autopay" });
    const attempts = within(autopay).getByLabelText("Attempts per bill");
    await user.clear(attempts);
    await user.type(attempts, "5");
    await user.click(within(autopay).getByRole("button", { name: "Save autopay" }));
    await within(autopay).findByText(/Autopay saved\./);

    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/billing-settings").map((c) => c.body)).toEqual([
      { requireSignedNote: false, version: 3 },
      { superbillDayOfMonth: 31, defaultAutoSuperbills: true, version: 4 },
      {
        shareDelayMinutes: 30,
        defaultShareDocumentKinds: "superbills",
        defaultAutoShareDocuments: true,
        version: 5,
      },
      { autopayMaxAttempts: 5, defaultAutopay: false, version: 6 },
    ]);
  });

  it("turns the practice's sharing off only after the confirmation that says it is every client", async () => {
    const p = practiceApi();
    const { user, server } = renderApp(at("settings/billing"), p.routes);
    await user.click(await screen.findByRole("switch", { name: "Automatic sharing" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Turn off automatic sharing?" });
    expect(dialog.textContent).toContain("every client at once");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/billing-settings")).toHaveLength(0);
    await user.click(screen.getByRole("switch", { name: "Automatic sharing" }));
    await user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Turn off" }),
    );
    await screen.findByText("Automatic sharing turned off.");
    expect(p.state.billingSettings.autoShareEnabled).toBe(false);
  });

  it("is read-only for a clinician", async () => {
    const p = practiceApi();
    renderApp(at("settings/billing"), p.routes, "clinician");
    await screen.findByText("Your role may read these settings; an owner changes them.");
    expect(screen.queryByRole("button", { name: /^Save/ })).toBeNull();
    expect(screen.getByLabelText("No Show fee ($)").matches(":disabled")).toBe(true);
  });
});
