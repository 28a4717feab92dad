import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AutomationSettingsBody } from "../../api/models";
import { automationSettings } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

const checked = (el: HTMLElement) => (el as HTMLInputElement).checked;

const settingsRoutes = (onPut?: (body: AutomationSettingsBody) => void) => {
  let current = automationSettings();
  return {
    "GET /api/v1/practices/:pid/automation": () => current,
    "PUT /api/v1/practices/:pid/automation": ({ body }: { body: unknown }) => {
      const b = body as AutomationSettingsBody;
      onPut?.(b);
      current = automationSettings((s) => {
        s.config = {
          ...b.config,
          automations: { ...s.config.automations, ...b.config.automations },
        } as typeof s.config;
        s.version = b.version + 1;
      });
      return current;
    },
  };
};

describe("Automation settings", () => {
  it("shows the breadcrumb and one card per automation, in pipeline order", async () => {
    renderApp(at("settings/automation"), settingsRoutes());
    await screen.findByRole("heading", { level: 1, name: "Automation Settings" });
    const crumbs = screen.getByRole("navigation", { name: "Breadcrumbs" });
    expect(crumbs.textContent).toContain("Organization");
    expect(crumbs.textContent).toContain("Claims Service");
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 4)).toEqual([
      "Invoice Creation",
      "Invoice Processing",
      "Claims Submission",
      "ERA Processing",
    ]);
  });

  it("asks before enabling: what it does and when, in practice time; Cancel changes nothing", async () => {
    const { user, server } = renderApp(at("settings/automation"), settingsRoutes());
    const toggle = await screen.findByRole("switch", { name: "Invoice Creation" });
    expect(checked(toggle)).toBe(false);
    await user.click(toggle);

    const dialog = await screen.findByRole("alertdialog", { name: "Enable Invoice Creation?" });
    expect(dialog.textContent).toContain("creates an invoice for each kept session");
    expect(dialog.textContent).toContain("every night at 11:00 PM, practice time (America/Chicago)");
    expect(dialog.textContent).toContain("First run:");
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));

    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(server.callsTo("PUT", "/api/v1/practices/:pid/automation")).toHaveLength(0);
    expect(checked(toggle)).toBe(false);
    // Focus goes back to the switch that opened the dialog.
    await waitFor(() => expect(document.activeElement).toBe(toggle));
  });

  it("enables with the version it read, then shows the saved state", async () => {
    let sent: AutomationSettingsBody | undefined;
    const { user } = renderApp(
      at("settings/automation"),
      settingsRoutes((b) => (sent = b)),
    );
    await user.click(await screen.findByRole("switch", { name: "Invoice Creation" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Enable" }));
    await screen.findByText("Invoice Creation enabled.");
    expect(sent?.version).toBe(4);
    expect(sent?.config.automations.invoice_creation.enabled).toBe(true);
    expect(sent?.config.automations.invoice_processing.enabled).toBe(false);
    expect(checked(screen.getByRole("switch", { name: "Invoice Creation" }))).toBe(true);
  });

  it("explains what disabling stops", async () => {
    const routes = settingsRoutes();
    const { user } = renderApp(at("settings/automation"), {
      ...routes,
      "GET /api/v1/practices/:pid/automation": automationSettings((s) => {
        s.config.automations.claims_submission.enabled = true;
      }),
    });
    await user.click(await screen.findByRole("switch", { name: "Claims Submission" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Disable Claims Submission?" });
    expect(dialog.textContent).toContain("will stop running every night at 9:00 PM");
    expect(within(dialog).getByRole("button", { name: "Disable" })).toBeTruthy();
  });

  it("saves the invoice-creation mode", async () => {
    let sent: AutomationSettingsBody | undefined;
    const { user } = renderApp(
      at("settings/automation"),
      settingsRoutes((b) => (sent = b)),
    );
    const card = await screen.findByRole("region", { name: "Invoice Creation" });
    const save = within(card).getByRole("button", { name: "Save mode" });
    expect(save.hasAttribute("disabled")).toBe(true);
    await user.click(within(card).getByRole("radio", { name: /On Kept/ }));
    await user.click(save);
    await screen.findByText("Invoice creation mode: On Kept.");
    expect(sent?.config.invoiceCreationMode).toBe("on_kept");
  });

  it("shows the exclusion rules of enabled automations in a collapsible section", async () => {
    const { user } = renderApp(at("settings/automation"), {
      ...settingsRoutes(),
      "GET /api/v1/practices/:pid/automation": automationSettings((s) => {
        s.config.automations.invoice_processing.enabled = true;
      }),
    });
    const card = await screen.findByRole("region", { name: "Invoice Processing" });
    const trigger = within(card).getByRole("button", { name: "Exclusion rules for Invoice Processing (1)" });
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    expect(card.textContent).toContain("Excludes items where (client pays by = self-pay).");
    await user.click(trigger);
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    expect((within(card).getByRole("textbox", { name: "Rule name" }) as HTMLInputElement).value).toBe(
      "Self-pay",
    );
    // Disabled automations have no rules editor.
    const creation = screen.getByRole("region", { name: "Invoice Creation" });
    expect(within(creation).queryByRole("button", { name: /Exclusion rules/ })).toBeNull();
  });

  it("shows a read-only user the settings without any control to change them", async () => {
    renderApp(at("settings/automation"), settingsRoutes(), "read_only");
    await screen.findByText("Your role can view these settings but not change them.");
    expect(screen.queryAllByRole("switch")).toHaveLength(0);
    expect(screen.queryAllByRole("radio")).toHaveLength(0);
    expect(screen.queryAllByRole("button", { name: /^Save/ })).toHaveLength(0);
    expect(screen.getByText(/Invoice creation mode:/).closest("p")?.textContent).toContain("Nightly");
  });

  it("previews what the next run would do, without doing it", async () => {
    const { user } = renderApp(at("settings/automation"), {
      ...settingsRoutes(),
      "GET /api/v1/practices/:pid/automation/:kind/preview": {
        automation: "invoice_creation",
        enabled: true,
        runAt: "2025-03-04T05:00:00Z",
        localDate: "2025-03-03",
        wouldDo: 7,
        wouldSkip: 3,
        byReason: { NOTE_NOT_SIGNED: 2, NO_DIAGNOSIS: 1 },
        items: [],
      },
    });
    const card = await screen.findByRole("region", { name: "Invoice Creation" });
    await user.click(within(card).getByRole("button", { name: "Preview the next run" }));
    const dialog = await screen.findByRole("dialog", { name: "Invoice Creation: the next run" });
    await within(dialog).findByText(/would act on/);
    expect(dialog.textContent).toContain("Mon, Mar 3, 2025, 11:00 PM CST");
    expect(dialog.textContent).toContain("note not signed: 2");
    expect(dialog.textContent).toContain("no diagnosis: 1");
  });

  it("runs Invoice Processing now after asking, and says it is listed as a manual run", async () => {
    const { user, server } = renderApp(at("settings/automation"), {
      ...settingsRoutes(),
      "POST /api/v1/practices/:pid/automation/:kind/run-now": ({ params }: { params: { kind: string } }) => ({
        id: "01900000-0000-7000-8000-000000000001",
        automation: params.kind,
        trigger: "manual",
        status: "queued",
      }),
    });
    const card = await screen.findByRole("region", { name: "Invoice Processing" });
    await user.click(within(card).getByRole("button", { name: "Run now" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Run Invoice Processing now?" });
    expect(server.callsTo("POST", "/api/v1/practices/:pid/automation/:kind/run-now")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Run now" }));
    await within(card).findByText(/listed|appears in Automation runs as a manual run/);
    expect(server.callsTo("POST", "/api/v1/practices/:pid/automation/:kind/run-now")[0]?.params.kind).toBe(
      "invoice_processing",
    );
    expect(
      within(await screen.findByRole("region", { name: "Claims Submission" })).queryByRole("button", {
        name: "Run now",
      }),
    ).toBeNull();
  });

  it("offers no Run now to a read-only user", async () => {
    renderApp(at("settings/automation"), settingsRoutes(), "read_only");
    await screen.findByText("Your role can view these settings but not change them.");
    expect(screen.queryAllByRole("button", { name: "Run now" })).toHaveLength(0);
  });
});
