import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { reply } from "../../test/api-mock";
import { CLIENT, page } from "../../test/fixtures";
import { at, renderApp, searchLandmark } from "../../test/render";
import { workItem } from "./remittances.fixtures";

const blocked = workItem(2, {
  kind: "blocked_code",
  remittanceClaimId: "abababab-abab-7bab-8bab-000000000001",
  reason: "Adjustment CO-B7 on claim PCN7 is blocked by the posting rules",
  details: { group: "CO", reasonCode: "B7", amountCents: 4500 },
});
const unmatched = workItem(3, {
  kind: "unmatched_claim",
  remittanceClaimId: "abababab-abab-7bab-8bab-000000000002",
  reason: "No claim with patient control number NOT-OURS-1",
  details: { patientControlNumber: "NOT-OURS-1" },
  actions: ["match", "dismiss"],
});

describe("work queue", () => {
  it("lists what needs a person with its reason and amounts, and filters by status", async () => {
    const { user, server } = renderApp(at("work-queue"), {
      "GET /api/v1/practices/:pid/work-queue": page([workItem(1), blocked, unmatched]),
    });
    const first = (await screen.findByText(/^Remittance TRN2 does not balance/)).closest("tr")!;
    expect(first.textContent).toContain("Unbalanced remittance");
    expect(first.textContent).toContain("Payment: reported $130.00, computed $120.00, off by $10.00");
    const second = screen.getByText(/^Adjustment CO-B7/).closest("tr")!;
    expect(second.textContent).toContain("Blocked adjustment code");
    expect(second.textContent).toContain("CO-B7 $45.00");
    const third = screen.getByText(/^No claim with patient control number/).closest("tr")!;
    expect(within(third).getByRole("button", { name: /^Match to a claim/ })).toBeTruthy();
    expect(within(third).queryByRole("button", { name: /^Post now/ })).toBeNull();
    expect(server.callsTo("GET", "/api/v1/practices/:pid/work-queue")[0]?.query.get("status")).toBe("open");

    await user.click(within(searchLandmark("Filter the work queue")).getByRole("button", { name: /Status/ }));
    await user.click(await screen.findByRole("option", { name: "Dismissed" }));
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/work-queue").at(-1)?.query.get("status")).toBe(
        "dismissed",
      ),
    );
  });

  it("dismisses an item through its confirmation, with a reason, and the list refreshes", async () => {
    let resolved = false;
    const { user, server } = renderApp(at("work-queue"), {
      "GET /api/v1/practices/:pid/work-queue": () => page(resolved ? [blocked] : [workItem(1), blocked]),
      "POST /api/v1/practices/:pid/work-queue/:id/resolve": () => {
        resolved = true;
        return { status: "dismissed" };
      },
    });
    const row = (await screen.findByText(/^Remittance TRN2 does not balance/)).closest("tr")!;
    const trigger = within(row).getByRole("button", { name: /^Dismiss/ });
    await user.click(trigger);
    const dialog = await screen.findByRole("alertdialog", { name: "Dismiss this item?" });
    // Focus moves into the dialog, on Cancel.
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    // No reason, no dismissal.
    await user.click(within(dialog).getByRole("button", { name: "Dismiss" }));
    expect(server.callsTo("POST", "/api/v1/practices/:pid/work-queue/:id/resolve")).toHaveLength(0);

    await user.type(
      within(dialog).getByRole("textbox", { name: /Reason for dismissing/ }),
      "Payer resent it",
    );
    await user.click(within(dialog).getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    const call = server.callsTo("POST", "/api/v1/practices/:pid/work-queue/:id/resolve")[0];
    expect(call?.path).toContain(String(workItem(1).id));
    expect(call?.body).toEqual({ action: "dismiss", reason: "Payer resent it" });
    await screen.findByText(/^Dismissed: Remittance TRN2 does not balance/);
    await waitFor(() => expect(screen.queryByText(/^Remittance TRN2 does not balance/)).toBeNull());
  });

  it("posts an item now through its confirmation, and shows the API's refusal in the dialog", async () => {
    const { user, server } = renderApp(at("work-queue"), {
      "GET /api/v1/practices/:pid/work-queue": page([blocked]),
      "POST /api/v1/practices/:pid/work-queue/:id/resolve": reply(409, {
        error: { code: "CONFLICT", message: "Still cannot post: Adjustment CO-B7 is blocked" },
      }),
    });
    const row = (await screen.findByText(/^Adjustment CO-B7/)).closest("tr")!;
    await user.click(within(row).getByRole("button", { name: /^Post now/ }));
    const dialog = await screen.findByRole("alertdialog", { name: "Post it now?" });
    await user.click(within(dialog).getByRole("button", { name: "Post now" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Still cannot post: Adjustment CO-B7 is blocked",
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/work-queue/:id/resolve")[0]?.body).toEqual({
      action: "post",
    });
  });

  it("matches an unmatched claim to one the server finds by what the biller types", async () => {
    const found = {
      id: "ffffffff-ffff-7fff-8fff-000000000042",
      patientControlNumber: "PCN42",
      clientId: CLIENT,
      totalCents: 17500,
      status: "submitted",
    };
    const { user, server } = renderApp(at("work-queue"), {
      "GET /api/v1/practices/:pid/work-queue": page([unmatched]),
      "GET /api/v1/practices/:pid/claims": (req: { query: URLSearchParams }) =>
        page(req.query.get("search")?.toLowerCase() === "ava" ? [found] : []),
      "POST /api/v1/practices/:pid/work-queue/:id/resolve": { status: "resolved" },
    });
    const row = (await screen.findByText(/^No claim with patient control number/)).closest("tr")!;
    await user.click(within(row).getByRole("button", { name: /^Match to a claim/ }));
    const dialog = await screen.findByRole("alertdialog", { name: "Match to a claim and post?" });
    expect(dialog.textContent).toContain("The payer sent patient control number NOT-OURS-1");
    const box = within(dialog).getByRole("combobox", { name: "Claim" });
    // The search starts from what the payer sent, and asks the server (not a first page filtered here).
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/claims").at(-1)?.query.get("search")).toBe(
        "NOT-OURS-1",
      ),
    );
    // Nothing picked, nothing to confirm.
    await user.click(within(dialog).getByRole("button", { name: "Match to a claim" }));
    expect(server.callsTo("POST", "/api/v1/practices/:pid/work-queue/:id/resolve")).toHaveLength(0);

    await user.clear(box);
    await user.type(box, "Ava");
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/claims").at(-1)?.query.get("search")).toBe("Ava"),
    );
    await user.click(await screen.findByRole("option", { name: "PCN42 · Ava Chen · $175.00" }));
    expect((box as HTMLInputElement).value).toBe("PCN42 · Ava Chen · $175.00");
    await user.click(within(dialog).getByRole("button", { name: "Match to a claim" }));
    await waitFor(() =>
      expect(server.callsTo("POST", "/api/v1/practices/:pid/work-queue/:id/resolve")[0]?.body).toEqual({
        action: "match",
        claimId: found.id,
      }),
    );
  });

  it("a read-only user sees the queue but no actions", async () => {
    renderApp(
      at("work-queue"),
      { "GET /api/v1/practices/:pid/work-queue": page([workItem(1), unmatched]) },
      "read_only",
    );
    await screen.findByText(/^Remittance TRN2 does not balance/);
    expect(screen.queryByRole("button", { name: /^(Dismiss|Post now|Match)/ })).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "Actions" })).toBeNull();
  });
});
