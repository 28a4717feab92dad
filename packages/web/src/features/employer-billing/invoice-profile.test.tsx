import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { reply } from "../../test/api-mock";
import { at, renderApp } from "../../test/render";
import type { InvoiceProfile } from "./employer-billing-api";

const profile: InvoiceProfile = {
  id: null,
  employerId: null,
  saved: false,
  header: { name: "Harbor Occupational Health", lines: ["120 Market Street", "Oakland, CA 94612"] },
  remitTo: { lines: ["PO Box 2040"] },
  logoText: null,
  termsDays: null,
  columns: ["employee_name", "date_of_service", "service", "amount"],
  grouping: "employee",
  delivery: "email",
  numberPrefix: "INV-",
  version: 0,
};
const eb = "/api/v1/practices/:pid/employer-billing";

describe("invoice profile", () => {
  it("saves the practice's profile with its lines, terms and columns", async () => {
    const { user, server } = renderApp(at("employer-billing/profile"), {
      [`GET ${eb}/invoice-profile`]: profile,
      [`PUT ${eb}/invoice-profile`]: { ...profile, saved: true, version: 1 },
    });
    const form = await screen.findByRole("form", { name: "Invoice profile" });
    expect((within(form).getByRole("textbox", { name: "Header lines" }) as HTMLInputElement).value).toBe(
      "120 Market Street; Oakland, CA 94612",
    );
    const terms = within(form).getByRole("textbox", { name: "Terms (days)" });
    await user.type(terms, "3x");
    expect(within(form).getByText("Whole days, e.g. 30")).toBeTruthy();
    await user.clear(terms);
    await user.type(terms, "45");
    await user.click(within(form).getByRole("checkbox", { name: "Authorization" }));
    await user.click(within(form).getByRole("checkbox", { name: "Date of service" }));
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    await screen.findByText("Invoice profile saved.");
    expect(server.calls.find((c) => c.method === "PUT")?.body).toEqual({
      version: 0,
      profile: {
        header: { name: "Harbor Occupational Health", lines: ["120 Market Street", "Oakland, CA 94612"] },
        remitTo: { lines: ["PO Box 2040"] },
        termsDays: 45,
        columns: ["employee_name", "service", "authorization", "amount"],
        grouping: "employee",
        delivery: "email",
        numberPrefix: "INV-",
        logoText: null,
      },
    });
  });

  it("shows the API's message when the save is refused", async () => {
    const { user } = renderApp(at("employer-billing/profile"), {
      [`GET ${eb}/invoice-profile`]: profile,
      [`PUT ${eb}/invoice-profile`]: () =>
        reply(409, { error: { code: "VERSION_CONFLICT", message: "changed meanwhile", issues: [] } }),
    });
    await user.click(await screen.findByRole("button", { name: "Save profile" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Someone else changed this meanwhile");
  });
});
