import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type MockRequest, reply } from "../../test/api-mock";
import { PAYER, PID, page, practice, SERVICE } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

const base = {
  practiceId: PID,
  version: 1,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
};
const service = {
  ...base,
  id: SERVICE,
  code: "90837",
  description: "Psychotherapy, 60 minutes",
  feeCents: 17500,
  defaultUnits: 1,
  modifiers: [],
  insuranceEligible: true,
  billable: true,
  active: true,
};
const field = (label: string) => screen.getByLabelText(label).closest(".field") as HTMLElement;

describe("Setup", () => {
  it("opens from the navigation at Payers and moves between sections", async () => {
    const { user, router } = renderApp(at("sessions"));
    await user.click(
      within(await screen.findByRole("navigation", { name: "Main" })).getByRole("link", { name: "Setup" }),
    );
    await screen.findByRole("heading", { level: 2, name: "Payers" });
    expect(router.state.location.pathname).toBe(`/p/${PID}/setup/payers`);
    const table = await screen.findByRole("table", { name: "Payers" });
    await within(table).findByText("Blue Prairie Health");
    expect(within(table).getByText("BL — Blue Cross/Blue Shield")).toBeTruthy();
    await user.click(
      within(screen.getByRole("navigation", { name: "Setup sections" })).getByRole("link", {
        name: "Locations",
      }),
    );
    const locations = await screen.findByRole("table", { name: "Locations" });
    await within(locations).findByText("11 — Office");
  });

  it("adds a provider: a mistyped NPI is caught before sending, and the API's coded error shows beside its field", async () => {
    const { user, server } = renderApp(at("setup/providers"), {
      "POST /api/v1/practices/:pid/providers": (req: MockRequest) =>
        (req.body as { taxonomyCode: string }).taxonomyCode === "BADCODE"
          ? reply(400, {
              error: {
                code: "VALIDATION_FAILED",
                message: "taxonomyCode: taxonomy must be a 10-character code such as 101YM0800X",
                issues: [
                  {
                    path: "taxonomyCode",
                    code: "VALIDATION_FAILED",
                    message: "taxonomy must be a 10-character code such as 101YM0800X",
                  },
                ],
              },
            })
          : reply(201, {
              ...base,
              ...(req.body as object),
              id: "44444444-4444-7444-8444-000000000002",
              userId: null,
              active: true,
            }),
    });
    await user.click(await screen.findByRole("button", { name: "Add provider" }));
    const dialog = await screen.findByRole("dialog", { name: "Add provider" });
    await user.type(within(dialog).getByLabelText("First name"), "Jordan");
    await user.type(within(dialog).getByLabelText("Last name"), "Lee");
    await user.type(within(dialog).getByLabelText("NPI"), "1234567890");
    await user.type(within(dialog).getByLabelText("Taxonomy code"), "badcode");
    await user.click(within(dialog).getByRole("button", { name: "Add provider" }));
    expect(field("NPI").textContent).toContain("An NPI is 10 digits whose last digit checks the others");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/providers")).toHaveLength(0);

    const npi = within(dialog).getByLabelText("NPI");
    await user.clear(npi);
    await user.type(npi, "1234567893");
    await user.click(within(dialog).getByRole("button", { name: "Add provider" }));
    await waitFor(() =>
      expect(field("Taxonomy code").textContent).toContain("Taxonomy must be a 10-character code"),
    );

    const taxonomy = within(dialog).getByLabelText("Taxonomy code");
    await user.clear(taxonomy);
    await user.type(taxonomy, "101ym0800x");
    await user.click(within(dialog).getByRole("button", { name: "Add provider" }));
    await screen.findByText("Jordan Lee added.");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/providers").at(-1)?.body).toEqual({
      firstName: "Jordan",
      lastName: "Lee",
      credentials: null,
      npi: "1234567893",
      taxonomyCode: "101YM0800X",
      email: null,
      userId: null,
    });
  });

  it("links a provider to a practice member (who signs the provider's notes) from the User select", async () => {
    const CLINICIAN = "88888888-8888-7888-8888-888888888888";
    const { user, server } = renderApp(at("setup/providers"), {
      "GET /api/v1/practices/:pid/members": {
        data: [
          { id: CLINICIAN, name: "Hannah Reyes", email: "hannah@example.com", role: "clinician" },
          {
            id: "99999999-9999-7999-8999-999999999999",
            name: "Olivia Owner",
            email: "o@example.com",
            role: "owner",
          },
        ],
      },
      "PATCH /api/v1/practices/:pid/providers/:id": (req: MockRequest) => ({
        ...base,
        id: "44444444-4444-7444-8444-444444444444",
        firstName: "Hannah",
        lastName: "Reyes",
        npi: "1234567893",
        taxonomyCode: "101YM0800X",
        ...(req.body as object),
        version: 2,
      }),
    });
    const table = await screen.findByRole("table", { name: "Providers" });
    await user.click(await within(table).findByRole("button", { name: "Edit Hannah Reyes" }));
    const dialog = await screen.findByRole("dialog");
    const select = within(dialog).getByRole("button", { name: /User/ });
    await waitFor(() => expect(select.hasAttribute("disabled")).toBe(false));
    expect(select.textContent).toContain("No user");
    await user.click(select);
    await user.click(
      await screen.findByRole("option", { name: "Hannah Reyes (clinician) — hannah@example.com" }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await screen.findByText("Hannah Reyes saved.");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/providers/:id")[0]?.body).toMatchObject({
      userId: CLINICIAN,
      version: 1,
    });
  });

  it("edits a service's fee in dollars (stored in cents) and deactivates it", async () => {
    let current = { ...service };
    const { user, server } = renderApp(at("setup/services"), {
      "GET /api/v1/practices/:pid/services": () => page([current]),
      "PATCH /api/v1/practices/:pid/services/:id": (req: MockRequest) => {
        current = { ...current, ...(req.body as object), version: current.version + 1 };
        return current;
      },
    });
    const table = await screen.findByRole("table", { name: "Services and fees" });
    expect(within(table).getByText("$175.00")).toBeTruthy();
    await user.click(within(table).getByRole("button", { name: "Edit 90837 Psychotherapy, 60 minutes" }));
    const dialog = await screen.findByRole("dialog");
    const fee = within(dialog).getByLabelText("Fee ($)");
    expect((fee as HTMLInputElement).value).toBe("175.00");
    await user.clear(fee);
    await user.type(fee, "182.50");
    await user.type(within(dialog).getByLabelText("Modifiers"), "95, ho");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await within(table).findByText("$182.50");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/services/:id")[0]?.body).toMatchObject({
      feeCents: 18250,
      modifiers: ["95", "HO"],
      version: 1,
    });

    await user.click(
      await within(table).findByRole("button", { name: "Deactivate 90837 Psychotherapy, 60 minutes" }),
    );
    const confirm = await screen.findByRole("alertdialog");
    await user.click(within(confirm).getByRole("button", { name: "Deactivate" }));
    await waitFor(() => expect(within(table).queryByText("90837")).toBeNull());
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/services/:id")[1]?.body).toEqual({
      active: false,
      version: 2,
    });
    await user.click(screen.getByRole("checkbox", { name: "Show inactive" }));
    expect(within(table).getByText("Inactive")).toBeTruthy();
  });

  it("refuses to remove a payer in use, in the API's words", async () => {
    const { user } = renderApp(at("setup/payers"), {
      "DELETE /api/v1/practices/:pid/payers/:id": reply(409, {
        error: {
          code: "CONFLICT",
          message: "This record is still in use by other records; remove those first",
        },
      }),
    });
    await user.click(await screen.findByRole("button", { name: "Remove Blue Prairie Health" }));
    const confirm = await screen.findByRole("alertdialog");
    await user.click(within(confirm).getByRole("button", { name: "Remove" }));
    await within(confirm).findByText("This record is still in use by other records; remove those first");
  });

  it("links from a payer fix to its edit form", async () => {
    renderApp(at(`setup/payers?edit=${PAYER}`));
    const dialog = await screen.findByRole("dialog", { name: "Edit Blue Prairie Health" });
    expect((within(dialog).getByLabelText("Electronic payer id") as HTMLInputElement).value).toBe("BPH01");
  });

  it("sets the practice's time zone and locale: a malformed locale is refused beside its field, a good one is saved", async () => {
    const { user, server } = renderApp(at("setup/practice"), {
      "PATCH /api/v1/practices/:pid": (req: MockRequest) => {
        const body = req.body as { locale: string; timeZone: string; version: number };
        return body.locale === "en_GB"
          ? reply(400, {
              error: {
                code: "VALIDATION_FAILED",
                message: "locale: locale must be a BCP 47 language tag such as en-US or fr-CA",
                issues: [
                  {
                    path: "locale",
                    code: "VALIDATION_FAILED",
                    message: "locale must be a BCP 47 language tag such as en-US or fr-CA",
                  },
                ],
              },
            })
          : reply(200, { ...practice, ...body, version: body.version + 1 });
      },
    });
    await screen.findByRole("heading", { level: 2, name: "Dates and times" });
    await screen.findByText(/reads: Tue, Mar 4, 2025, 3:30 PM CST/);
    const locale = screen.getByLabelText("Locale");
    await user.clear(locale);
    await user.type(locale, "en_GB");
    await screen.findByText("That time zone or locale is not one this browser knows.");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(field("Locale").textContent).toContain("Locale must be a BCP 47 language tag"),
    );

    await user.clear(locale);
    await user.type(locale, "en-GB");
    await screen.findByText(/reads: Tue,? 4 Mar 2025, 15:30/);
    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved: dates and times now read this way on every screen.");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid").at(-1)?.body).toEqual({
      timeZone: "America/Chicago",
      locale: "en-GB",
      version: 3,
    });
  });
});
