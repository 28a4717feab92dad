import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { reply } from "../../test/api-mock";
import { PID, page } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";
import type { EmployerBatch, EmployerBatchDetail, EmployerInvoiceDetail } from "./employer-billing-api";
import { BATCH, EMPLOYER, invoice } from "./test-fixtures";

const GROUP = "aaaaaaaa-aaaa-7aaa-8aaa-000000000002";
const APPT1 = "dddddddd-dddd-7ddd-8ddd-000000000001";
const APPT2 = "dddddddd-dddd-7ddd-8ddd-000000000002";
const stamp = {
  practiceId: PID,
  version: 1,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};
const employer = {
  ...stamp,
  id: EMPLOYER,
  name: "Harbor Shipyards",
  groupId: GROUP,
  contactName: null,
  contactEmail: null,
  address: null,
  termsDays: 30,
  contacts: [],
  feeSchedule: [],
};
const batch: EmployerBatch = {
  id: BATCH,
  number: 1042,
  kind: "on_demand",
  employerId: EMPLOYER,
  groupId: null,
  dosFrom: "2026-01-01",
  dosTo: "2026-01-31",
  postFrom: null,
  postTo: null,
  note: "January",
  rebatchOfBatchNumber: null,
  createdBy: "user:1",
  createdAt: "2026-02-01T15:00:00Z",
  invoiceCount: 1,
  encounterCount: 2,
  totalCents: 30_000,
};
const detail: EmployerBatchDetail = { batch, invoices: [invoice] };
const line = (n: number, appointmentId: string, employeeName: string) => ({
  id: `eeeeeeee-eeee-7eee-8eee-00000000000${n}`,
  position: n,
  appointmentId,
  clientId: `ffffffff-ffff-7fff-8fff-00000000000${n}`,
  employeeName,
  dateOfService: "2026-01-1" + n,
  serviceId: "77777777-7777-7777-8777-777777777777",
  code: "99213",
  description: "Office visit",
  units: 1,
  amountCents: 15_000,
  authorizationNumber: null,
  creditsLineId: null,
  creditedByLineId: null,
  paidCents: 0,
});
const invoiceDetail: EmployerInvoiceDetail = {
  invoice,
  lines: [line(1, APPT1, "Ada Lovelace"), line(2, APPT2, "Alan Turing")],
  activity: [],
  hasPdf: true,
};
const eb = "/api/v1/practices/:pid/employer-billing";
const routes = (over: Record<string, unknown> = {}) => ({
  "GET /api/v1/practices/:pid/employers": page([employer]),
  "GET /api/v1/practices/:pid/employer-groups": page([{ ...stamp, id: GROUP, name: "Harbor Group" }]),
  [`GET ${eb}/batches`]: page([batch]),
  [`GET ${eb}/batches/:n`]: detail,
  [`GET ${eb}/invoices/:id`]: invoiceDetail,
  ...over,
});

describe("Statement/Invoice Management", () => {
  it("creates an on-demand batch from the keyboard alone, F2 submitting, and opens the batch", async () => {
    const { user, server, router } = renderApp(
      at("employer-billing"),
      routes({ [`POST ${eb}/batches`]: () => reply(201, detail) }),
    );
    await screen.findByRole("link", { name: "Batch 1042" });
    await user.tab();
    // Walk to the button by keyboard: focus it, then Enter.
    screen.getByRole("button", { name: "Create On-Demand Batch" }).focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Create On-Demand Batch" });
    const lookup = within(dialog).getByRole("combobox", { name: "Employer or Employer Group" });
    lookup.focus();
    await user.keyboard("ship");
    await within(await screen.findByRole("listbox")).findByRole("option", { name: "Harbor Shipyards" });
    await user.keyboard("{ArrowDown}{Enter}");
    // The lookup's ▾ button is out of the tab order: Tab goes straight on to the dates.
    await user.tab();
    await user.keyboard("2026-01-01");
    await user.tab();
    await user.keyboard("2026-01-31");
    await user.tab();
    await user.tab();
    await user.tab();
    await user.keyboard("January");
    await user.keyboard("{F2}");
    await waitFor(() => expect(router.state.location.pathname).toBe(at("employer-billing/batches/1042")));
    const post = server.calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({
      employerId: EMPLOYER,
      dosFrom: "2026-01-01",
      dosTo: "2026-01-31",
      note: "January",
    });
    await screen.findByRole("heading", { level: 1, name: "Batch 1042" });
    expect(await screen.findByText("INV-1042")).toBeTruthy();
  });

  it("batches a group, and shows the API's message when there is nothing to invoice", async () => {
    const { user, server } = renderApp(
      at("employer-billing"),
      routes({
        [`POST ${eb}/batches`]: () =>
          reply(422, {
            error: {
              code: "NOTHING_TO_INVOICE",
              message: "No encounter billed to Harbor Group is waiting for an invoice.",
            },
          }),
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Create On-Demand Batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Create On-Demand Batch" });
    await user.click(within(dialog).getByRole("button", { name: /Create Batch/ }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(
      "Choose an employer or an employer group.",
    );
    expect(server.calls.some((c) => c.method === "POST")).toBe(false);
    const lookup = within(dialog).getByRole("combobox", { name: "Employer or Employer Group" });
    await user.type(lookup, "group");
    await user.click(await screen.findByRole("option", { name: "Harbor Group (group)" }));
    await user.keyboard("{F2}");
    expect((await within(dialog).findByRole("alert")).textContent).toContain(
      "No encounter billed to Harbor Group is waiting for an invoice.",
    );
    expect(server.calls.find((c) => c.method === "POST")?.body).toEqual({ groupId: GROUP });
  });
});

describe("batch items", () => {
  it("credits the selected encounters with a credit memo", async () => {
    const { user, server } = renderApp(
      at("employer-billing/batches/1042"),
      routes({
        [`POST ${eb}/invoices/:id/credit-memos`]: () =>
          reply(201, {
            ...invoiceDetail,
            invoice: { ...invoice, id: "x", number: "CM-1043", kind: "credit_memo" },
          }),
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Items of INV-1042" }));
    const memo = await screen.findByRole("button", { name: "Credit Memo" });
    expect(memo.hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "Select Alan Turing Mon, Jan 12, 2026" }));
    await user.click(memo);
    const dialog = await screen.findByRole("dialog", { name: "Credit Memo for INV-1042" });
    expect(dialog.textContent).toContain("Credits 1 encounter, $150.00");
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "Not an injury at work");
    await user.click(within(dialog).getByRole("button", { name: "Create Credit Memo" }));
    expect(await screen.findByText("Credit memo CM-1043 created.")).toBeTruthy();
    expect(server.calls.find((c) => c.method === "POST")?.body).toEqual({
      appointmentIds: [APPT2],
      reason: "Not an injury at work",
    });
  });
});

describe("navigation search", () => {
  it("opens batch 1042 for `stb 1042`, and says so when there is no such batch", async () => {
    const { user, router, server } = renderApp(
      at("employer-billing"),
      routes({
        [`GET ${eb}/navigate`]: (req: { query: URLSearchParams }) =>
          req.query.get("q") === "stb 1042"
            ? { screen: "batch", batchNumber: 1042, batchId: BATCH }
            : reply(404, {
                error: { code: "NOT_FOUND", message: "No batch 9 in this practice.", issues: [] },
              }),
      }),
    );
    const search = await screen.findByRole("textbox", { name: "Navigation search" });
    await user.type(search, "stb 9{Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain("No batch 9 in this practice.");
    await user.clear(search);
    await user.type(search, "stb 1042{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe(at("employer-billing/batches/1042")));
    expect(server.calls.some((c) => c.query.get("q") === "stb 1042")).toBe(true);
    await screen.findByRole("heading", { level: 1, name: "Batch 1042" });
  });
});

describe("re-batch", () => {
  it("re-batches the batch and opens the new one", async () => {
    const { user, router, server } = renderApp(
      at("employer-billing/batches/1042"),
      routes({
        [`POST ${eb}/batches/:n/rebatch`]: () =>
          reply(201, {
            ...detail,
            batch: { ...batch, number: 1050, kind: "rebatch", rebatchOfBatchNumber: 1042 },
          }),
      }),
    );
    await user.click(await screen.findByRole("button", { name: "Re-batch" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Re-batch batch 1042?" });
    await user.click(within(dialog).getByRole("button", { name: "Re-batch" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(at("employer-billing/batches/1050")));
    expect(server.calls.find((c) => c.method === "POST")?.path).toContain("/batches/1042/rebatch");
  });
});
