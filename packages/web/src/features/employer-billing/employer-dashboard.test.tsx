import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { page } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";
import type { EmployerDashboard, EmployerInvoiceSummary, EmployerReceipt } from "./employer-billing-api";
import { invoice } from "./test-fixtures";

const EMPLOYER = invoice.employerId;
const dashboard: EmployerDashboard = {
  employerId: EMPLOYER,
  employerName: "Harbor Shipyards",
  termsDays: 30,
  billedCents: 50_000,
  paidCents: 12_000,
  creditedCents: 0,
  openCents: 38_000,
  unappliedCents: 0,
  aging: { current: 30_000, "31_60": 0, "61_90": 8_000, over_90: 0 },
  openInvoiceCount: 2,
};
const second: EmployerInvoiceSummary = {
  ...invoice,
  id: "cccccccc-cccc-7ccc-8ccc-000000000002",
  number: "INV-1050",
  openCents: 8_000,
};
const eb = "/api/v1/practices/:pid/employer-billing";

describe("employer dashboard", () => {
  it("shows billed, paid and open amounts, aging bars, and filters Invoice History by status and id", async () => {
    const { user, server } = renderApp(at(`employer-billing/employers/${EMPLOYER}`), {
      [`GET ${eb}/employers/:id/dashboard`]: dashboard,
      [`GET ${eb}/employers/:id/receipts`]: { data: [] },
      [`GET ${eb}/invoices`]: (req: { query: URLSearchParams }) =>
        page([invoice, second].filter((i) => i.number.includes(req.query.get("search") ?? ""))),
    });
    await screen.findByRole("heading", { level: 1, name: "Harbor Shipyards" });
    expect(screen.getByText("$500.00")).toBeTruthy();
    expect(screen.getByText(/\$380\.00 \(2 invoices\)/)).toBeTruthy();
    const chart = screen.getByRole("img", { name: /^Aging:/ });
    expect(chart.getAttribute("aria-label")).toContain("0–30 days $300.00");
    expect(chart.getAttribute("aria-label")).toContain("61–90 days $80.00");
    const bars = chart.querySelectorAll("rect");
    expect(Number(bars[0]?.getAttribute("width"))).toBeGreaterThan(Number(bars[2]?.getAttribute("width")));
    expect(bars[1]?.getAttribute("width")).toBe("0");

    const history = await screen.findByRole("table", { name: "Invoice History" });
    await within(history).findByText("INV-1050");
    // Open is the default filter.
    expect(server.calls.find((c) => c.path.endsWith("/invoices"))?.query.get("status")).toBe("open");
    await user.type(screen.getByRole("textbox", { name: "Invoice ID" }), "105");
    await waitFor(() => expect(within(history).queryByText("INV-1042")).toBeNull());
    expect(server.calls.some((c) => c.query.get("search") === "105")).toBe(true);
    const select = screen.getByRole("button", { name: /Status$/ });
    await user.click(select);
    await user.click(await screen.findByRole("option", { name: "All" }));
    await waitFor(() =>
      expect(server.calls.some((c) => c.path.endsWith("/invoices") && c.query.get("status") === "all")).toBe(
        true,
      ),
    );
  });

  it("records a check and applies it across two invoices", async () => {
    const made: EmployerReceipt = {
      id: "99999999-9999-7999-8999-000000000001",
      employerId: EMPLOYER,
      method: "check",
      reference: "10452",
      receivedOn: "2026-02-10",
      amountCents: 40_000,
      appliedCents: 35_000,
      unappliedCents: 5_000,
      note: null,
      recordedBy: "user:1",
      reversedAt: null,
      applications: [],
    };
    const { user, server } = renderApp(at(`employer-billing/employers/${EMPLOYER}`), {
      [`GET ${eb}/employers/:id/dashboard`]: dashboard,
      [`GET ${eb}/employers/:id/receipts`]: { data: [] },
      [`GET ${eb}/invoices`]: page([invoice, second]),
      [`POST ${eb}/receipts`]: made,
    });
    const receipts = await screen.findByRole("form", { name: "New receipt" });
    await user.type(within(receipts).getByRole("textbox", { name: "Check/EFT number" }), "10452");
    await user.type(within(receipts).getByRole("textbox", { name: "Amount" }), "400");
    await user.type(await within(receipts).findByRole("textbox", { name: "Apply to INV-1042" }), "300");
    await user.type(within(receipts).getByRole("textbox", { name: "Apply to INV-1050" }), "90");
    expect(within(receipts).getByText("More than is open")).toBeTruthy();
    await user.clear(within(receipts).getByRole("textbox", { name: "Apply to INV-1050" }));
    await user.type(within(receipts).getByRole("textbox", { name: "Apply to INV-1050" }), "50");
    expect(within(receipts).getByText(/Applied \$350\.00, unapplied \$50\.00/)).toBeTruthy();
    await user.click(within(receipts).getByRole("button", { name: "Record receipt" }));
    await screen.findByText("Receipt 10452 recorded: $350.00 applied, $50.00 unapplied.");
    const body = server.calls.find((c) => c.method === "POST")?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      employerId: EMPLOYER,
      method: "check",
      reference: "10452",
      amountCents: 40_000,
      apply: [
        { invoiceId: invoice.id, amountCents: 30_000 },
        { invoiceId: second.id, amountCents: 5_000 },
      ],
    });
  });
});
