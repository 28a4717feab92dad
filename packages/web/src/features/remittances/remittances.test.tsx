import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { reply } from "../../test/api-mock";
import { CLIENT, PAYER, PID, page } from "../../test/fixtures";
import { at, renderApp, searchLandmark } from "../../test/render";
import { CLAIM_ID, detailed, LINE_ID, remittance, unbalanced } from "./remittances.fixtures";

const claim = {
  id: CLAIM_ID,
  practiceId: PID,
  version: 3,
  createdAt: "2025-03-05T04:00:00Z",
  updatedAt: "2025-03-20T15:00:00Z",
  invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
  clientId: CLIENT,
  payerId: PAYER,
  payerRank: "primary",
  status: "adjudicated",
  adjudication: "paid",
  stage: "paid",
  frequencyCode: "1",
  patientControlNumber: "PCN7",
  payerClaimNumber: "PAYER-CLM-77",
  totalCents: 17500,
  paidCents: 12000,
  patientResponsibilityCents: 2500,
  diagnosisCodes: ["F41.1"],
  submittedAt: "2025-03-06T03:00:00Z",
  lines: [
    {
      id: LINE_ID,
      lineNumber: 1,
      controlNumber: "L7",
      code: "90837",
      modifiers: [],
      units: 1,
      chargeCents: 17500,
      dateOfService: "2025-03-03",
      diagnosisPointers: [1],
    },
  ],
  history: [],
};

const importResult = {
  fileId: "f9",
  name: "era-0320.835",
  kind: "835",
  status: "processed",
  remittances: [
    {
      remittanceId: "dddddddd-dddd-7ddd-8ddd-000000000009",
      traceNumber: "EFT9001",
      status: "partially_posted",
      claims: 2,
      posted: 1,
      queued: 1,
    },
  ],
};

const choose = async (
  user: ReturnType<typeof renderApp>["user"],
  scope: HTMLElement,
  label: string,
  option: string,
) => {
  await user.click(within(scope).getByRole("button", { name: new RegExp(label) }));
  await user.click(await screen.findByRole("option", { name: option }));
};

describe("remittances", () => {
  it("lists imported 835s with payer, trace, date, total, claims, balance check and status; filters by status on the server", async () => {
    const { user, server } = renderApp(at("remittances"), {
      "GET /api/v1/practices/:pid/remittances": page([remittance(1), unbalanced(2)], "cur-2"),
    });
    const first = (await screen.findByRole("link", { name: "Remittance TRN1 from BLUE PRAIRIE" })).closest(
      "tr",
    )!;
    expect(first.textContent).toContain("TRN1");
    expect(first.textContent).toContain("Wed, Mar 19, 2025");
    expect(first.textContent).toContain("$120.00");
    expect(first.textContent).toContain("Balanced");
    expect(first.textContent).toContain("Posted");
    const second = screen.getByRole("link", { name: "Remittance TRN2 from BLUE PRAIRIE" }).closest("tr")!;
    expect(second.textContent).toContain("$130.00");
    expect(second.textContent).toContain("Out of balance by $10.00");
    expect(second.textContent).toContain("Needs review");
    expect(screen.getByRole("navigation", { name: "Remittances pages" }).textContent).toContain(
      "more on the next page",
    );

    await choose(user, searchLandmark("Filter remittances"), "Status", "Needs review");
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/remittances").at(-1)?.query.get("status")).toBe(
        "needs_review",
      ),
    );
  });

  it("imports an 835: posts its content, says what it did and refreshes the list", async () => {
    let imported = false;
    const { user, server } = renderApp(at("remittances"), {
      "GET /api/v1/practices/:pid/remittances": () => page(imported ? [remittance(9)] : []),
      "POST /api/v1/practices/:pid/inbound-files": () => {
        imported = true;
        return importResult;
      },
    });
    await screen.findByText("No remittances match.");
    const submit = screen.getByRole("button", { name: "Import file" });
    expect(submit.hasAttribute("disabled") || submit.getAttribute("data-disabled") === "true").toBe(true);
    const content = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE~ST*835*0001~";
    await user.upload(
      screen.getByLabelText("Remittance file (835)"),
      new File([content], "era 0320.835", { type: "text/plain" }),
    );
    await user.click(submit);
    const outcome = await screen.findByText(/imported: 1 remittance/);
    const status = outcome.closest("[role=status]") as HTMLElement;
    expect(status.textContent).toContain(
      "Trace EFT9001: 2 claims, 1 posted, 1 to the work queue (partially posted)",
    );
    expect(within(status).getByRole("link", { name: "open the work queue" }).getAttribute("href")).toBe(
      `/p/${PID}/work-queue`,
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/inbound-files")[0]?.body).toEqual({
      name: "era_0320.835",
      content,
    });
    // The list is fetched again and shows the new remittance.
    await screen.findByRole("link", { name: "Remittance TRN9 from BLUE PRAIRIE" });
  });

  it("sends a Windows-1252 file as the text it holds, and a UTF-8 file without its byte-order mark", async () => {
    const { user, server } = renderApp(at("remittances"), {
      "GET /api/v1/practices/:pid/remittances": () => page([]),
      "POST /api/v1/practices/:pid/inbound-files": () => importResult,
    });
    await screen.findByText("No remittances match.");
    const input = screen.getByLabelText("Remittance file (835)");
    // N1*PR*PEÑA ’S: Ñ is 0xD1 and ’ is 0x92 in Windows-1252, neither is UTF-8.
    const cp1252 = Uint8Array.from([
      ...Buffer.from("ISA*N1*PR*PE", "latin1"),
      0xd1,
      0x41,
      0x20,
      0x92,
      0x53,
      0x7e,
    ]);
    const utf8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("ISA*N1*PR*PEÑA ’S~", "utf8")]);
    for (const [bytes, name] of [
      [cp1252, "cp1252.835"],
      [utf8, "utf8.835"],
    ] as const) {
      await user.upload(input, new File([bytes], name));
      await user.click(screen.getByRole("button", { name: "Import file" }));
      await screen.findByText(/imported: 1 remittance/);
    }
    expect(server.callsTo("POST", "/api/v1/practices/:pid/inbound-files").map((c) => c.body)).toEqual([
      { name: "cp1252.835", content: "ISA*N1*PR*PEÑA ’S~" },
      { name: "utf8.835", content: "ISA*N1*PR*PEÑA ’S~" },
    ]);
  });

  it("says so when the file is a duplicate, could not be read, or the API refuses it", async () => {
    let answer: unknown = { fileId: "f1", name: "a.835", kind: "835", status: "duplicate" };
    const { user } = renderApp(at("remittances"), {
      "GET /api/v1/practices/:pid/remittances": page([]),
      "POST /api/v1/practices/:pid/inbound-files": () => answer,
    });
    const input = await screen.findByLabelText("Remittance file (835)");
    const send = async (name: string) => {
      await user.upload(input, new File(["ISA*00*~ST*835*0001~"], name));
      await user.click(screen.getByRole("button", { name: "Import file" }));
    };
    await send("a.835");
    await screen.findByText("a.835 was imported before: it is a duplicate, and nothing was posted again.");

    answer = {
      fileId: "f2",
      name: "b.835",
      kind: "835",
      status: "rejected",
      code: "BAD_ELEMENT",
      error: "segment 4 (CLP): CLP02 is required",
    };
    await send("b.835");
    // In a biller's words, with the parser's code beside (issue 18 item 8).
    expect((await screen.findByRole("alert")).textContent).toBe(
      "b.835 was not posted: A value in the file is not what the X12 guide allows. Ask the payer to correct it. BAD_ELEMENT",
    );

    answer = reply(400, {
      error: {
        code: "VALIDATION_FAILED",
        message: "Invalid input",
        issues: [{ path: "content", code: "too_small", message: "Too small" }],
      },
    });
    await send("c.835");
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "VALIDATION_FAILED: Invalid input (content: Too small)",
      ),
    );
  });

  it("shows a remittance: totals, balance, PLB adjustments, and each claim with its postings and matched claim", async () => {
    const r = detailed();
    renderApp(at(`remittances/${r.id}`), {
      "GET /api/v1/practices/:pid/remittances/:id": r,
      "GET /api/v1/practices/:pid/claims/:id": claim,
    });
    await screen.findByRole("heading", { level: 1, name: "Remittance TRN3" });
    const totals = screen.getByRole("region", { name: "Totals" }).textContent;
    expect(totals).toContain("Paid$115.00");
    expect(totals).toContain("Charged on its claims$265.00");
    expect(totals).toContain("Provider adjustments$5.00");
    expect(totals).toContain("Balanced");
    const plb = screen.getByRole("table", { name: "Provider adjustments" }).textContent;
    expect(plb).toContain("WO — Overpayment recovery");
    expect(plb).toContain("REC-4411");

    const matched = screen.getByRole("region", { name: "Claim PCN7" });
    expect(matched.textContent).toContain("1 — Processed as Primary");
    expect(matched.textContent).toContain("Patient responsibility$25.00");
    await within(matched).findByText("Paid");
    expect(within(matched).getByRole("link", { name: "Open claim PCN7" }).getAttribute("href")).toBe(
      `/p/${PID}/claims/${CLAIM_ID}`,
    );
    const postings = within(matched).getByRole("table", { name: "Postings of claim PCN7" });
    await waitFor(() =>
      expect(
        within(postings)
          .getAllByRole("row")
          .slice(1)
          .map((row) => row.textContent),
      ).toEqual([
        "Payment—Line 1 · 90837$120.00",
        "Write-offCO-45Line 1 · 90837$30.00",
        "Patient responsibilityPR-2Line 1 · 90837$25.00",
      ]),
    );

    const unmatched = screen.getByRole("region", { name: "Claim NOT-OURS-1" });
    expect(unmatched.textContent).toContain("4 — Denied");
    expect(unmatched.textContent).toContain("Not matched to a claim");
    expect(unmatched.textContent).toContain("In the work queue");
    expect(unmatched.textContent).toContain("No postings.");
  });

  it("shows an out-of-balance remittance's imbalances", async () => {
    const r = { ...unbalanced(4), claims: [] };
    renderApp(at(`remittances/${r.id}`), { "GET /api/v1/practices/:pid/remittances/:id": r });
    const totals = await screen.findByRole("region", { name: "Totals" });
    expect(totals.textContent).toContain("Out of balance by $10.00");
    expect(within(totals).getByRole("list", { name: "Imbalances" }).textContent).toContain(
      "reported $130.00, computed $120.00",
    );
  });

  it("a read-only user sees the list but no upload", async () => {
    renderApp(at("remittances"), { "GET /api/v1/practices/:pid/remittances": page([]) }, "read_only");
    await screen.findByRole("heading", { level: 1, name: "Remittances" });
    expect(screen.queryByLabelText("Remittance file (835)")).toBeNull();
    expect(screen.queryByRole("button", { name: "Import file" })).toBeNull();
  });
});
