import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Claim } from "../../api/models";
import { CLIENT, PAYER, PID, page } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

const claim = (n: number, over: Partial<Claim> = {}): Claim => ({
  id: `ffffffff-ffff-7fff-8fff-${String(n).padStart(12, "0")}`,
  practiceId: PID,
  version: 1,
  createdAt: "2025-03-05T04:00:00Z",
  updatedAt: "2025-03-05T04:00:00Z",
  invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
  clientId: CLIENT,
  payerId: PAYER,
  policyId: "abababab-abab-7bab-8bab-000000000002",
  payerRank: "primary",
  status: "submitted",
  adjudication: "none",
  stage: "submitted",
  frequencyCode: "1",
  patientControlNumber: `PCN${n}`,
  payerClaimNumber: null,
  replacesClaimId: null,
  replacesPayerClaimNumber: null,
  followUp: "none",
  runId: null,
  totalCents: 17500,
  paidCents: 0,
  patientResponsibilityCents: 0,
  diagnosisCodes: ["F41.1"],
  submittedAt: "2025-03-06T03:00:00Z",
  lines: [
    {
      id: `eeeeeeee-eeee-7eee-8eee-${String(n).padStart(12, "0")}`,
      practiceId: PID,
      claimId: `ffffffff-ffff-7fff-8fff-${String(n).padStart(12, "0")}`,
      invoiceLineId: "abababab-abab-7bab-8bab-000000000001",
      lineNumber: 1,
      controlNumber: `L${n}`,
      code: "90837",
      modifiers: [],
      units: 1,
      chargeCents: 17500,
      dateOfService: "2025-03-03",
      diagnosisPointers: [1],
    },
  ],
  history: [
    {
      id: "h1",
      practiceId: PID,
      claimId: `ffffffff-ffff-7fff-8fff-${String(n).padStart(12, "0")}`,
      fromStatus: null,
      toStatus: "awaiting_submission",
      fromAdjudication: null,
      toAdjudication: "none",
      fromStage: null,
      toStage: "awaiting_submission",
      at: "2025-03-05T04:00:00Z",
      actor: "system:invoice_processing",
      cause: { kind: "run" },
      actorName: "Automation (Invoice Processing)",
      causeText: "Nightly invoice processing run of Mar 4",
    },
    {
      id: "h2",
      practiceId: PID,
      claimId: `ffffffff-ffff-7fff-8fff-${String(n).padStart(12, "0")}`,
      fromStatus: "awaiting_submission",
      toStatus: "submitted",
      fromAdjudication: "none",
      toAdjudication: "none",
      fromStage: "awaiting_submission",
      toStage: "submitted",
      at: "2025-03-06T03:00:00Z",
      actor: "system:claims_submission",
      cause: { kind: "file", name: "claims-2025-03-05.json" },
      actorName: "Automation (Claims Submission)",
      causeText: "sent in file claims-2025-03-05.json",
    },
  ],
  scrubs: [],
  acknowledgments: [],
  files: [],
  postings: [],
  ...over,
});

describe("claims", () => {
  it("shows a board column per status with the API's count of it, not the size of the page", async () => {
    const submitted = Array.from({ length: 20 }, (_, i) => claim(i + 1));
    const counts = {
      awaiting_submission: 0,
      scrubber_rejected: 0,
      submitted: 37,
      accepted: 0,
      rejected: 0,
      paid: 0,
      partially_paid: 0,
      denied: 1,
      void: 2,
    };
    const { server } = renderApp(at("claims"), {
      "GET /api/v1/practices/:pid/claims/counts": { counts },
      "GET /api/v1/practices/:pid/claims": (req: { query: URLSearchParams }) =>
        req.query.get("stage") === "submitted"
          ? page(submitted, "more")
          : req.query.get("stage") === "denied"
            ? page([claim(99, { status: "adjudicated", adjudication: "denied", stage: "denied" })])
            : page([]),
    });
    const column = (name: string) => screen.getByRole("region", { name: new RegExp(`^${name}`) });
    await within(await screen.findByRole("region", { name: /^Submitted/ })).findByText("37");
    expect(column("Submitted").textContent).not.toContain("20+");
    expect(within(column("Denied")).getByText("1")).toBeTruthy();
    expect(within(column("Scrubber Rejected")).getByText("0")).toBeTruthy();
    expect(within(column("Scrubber Rejected")).getByText("None")).toBeTruthy();
    expect(
      screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent?.replace(/\d+\+?.*$/, "")),
    ).toEqual([
      "Awaiting Submission",
      "Scrubber Rejected",
      "Submitted",
      "Accepted",
      "Rejected",
      "Paid",
      "Partially Paid",
      "Denied",
    ]);
    expect(
      within(column("Submitted"))
        .getByRole("link", { name: "See all Submitted claims" })
        .getAttribute("href"),
    ).toBe(`/p/${PID}/claims/list?status=submitted`);
    expect(
      server.callsTo("GET", "/api/v1/practices/:pid/claims").every((c) => c.query.get("limit") === "20"),
    ).toBe(true);
  });

  it("finds claims from a search box: claim number or client name, sent once typing settles", async () => {
    const { user, server } = renderApp(at("claims/list"), {
      "GET /api/v1/practices/:pid/claims": page([claim(3)]),
    });
    await screen.findByRole("link", { name: "PCN3" });
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "chen");
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/claims").at(-1)?.query.get("search")).toBe("chen"),
    );
    const searched = server
      .callsTo("GET", "/api/v1/practices/:pid/claims")
      .filter((c) => c.query.get("search") !== null);
    expect(searched).toHaveLength(1);
  });

  const RUN = "01900000-0000-7000-8000-0000000000aa";
  const noneHeld = { resting: 0, excluded: 0, claims: [] };
  const result = { considered: 4, scrubberRejected: 1, excluded: 0, submitted: 3, files: 1, held: noneHeld };

  it("submits claims now: a dry run says what would go out, the confirmation sends them", async () => {
    const { user, server } = renderApp(at("claims"), {
      "GET /api/v1/practices/:pid/claims/counts": { counts: {} },
      "GET /api/v1/practices/:pid/claims": page([]),
      "POST /api/v1/practices/:pid/claims/submit": (req: { body: { dryRun: boolean } }) =>
        req.body.dryRun
          ? { ...result, delivery: "dry-run", runId: null }
          : { ...result, delivery: "sent", runId: RUN },
    });
    await user.click(await screen.findByRole("button", { name: "Submit now" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Submit claims now?" });
    await within(dialog).findByText(
      "Preview: 4 claims considered: 3 go out in 1 file, 1 rejected by the scrubber, 0 excluded by rules.",
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/claims/submit").map((c) => c.body)).toEqual([
      { dryRun: true, sendHeld: false },
    ]);
    await user.click(within(dialog).getByRole("button", { name: "Submit claims" }));
    await screen.findByText(
      "Claims Submission ran: 3 submitted in 1 file, 1 rejected by the scrubber. It is listed in Automation runs as a manual run.",
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/claims/submit").at(-1)?.body).toEqual({
      dryRun: false,
      sendHeld: false,
    });
  });

  it("says which claims are held and why, and sends them too when asked", async () => {
    const held = {
      resting: 40,
      excluded: 1,
      claims: [
        {
          claimId: "01900000-0000-7000-8000-0000000000c1",
          patientControlNumber: "PCN-1001",
          code: "EXCLUDED_BY_RULE",
          message: "excluded by rule 'Hold Aetna' (primary payer is one of Aetna)",
        },
        {
          claimId: "01900000-0000-7000-8000-0000000000c2",
          patientControlNumber: "PCN-1002",
          code: "RESTING",
          message: "created today: with one step per day it rests until the next run",
        },
      ],
    };
    const { user, server } = renderApp(at("claims"), {
      "GET /api/v1/practices/:pid/claims/counts": { counts: {} },
      "GET /api/v1/practices/:pid/claims": page([]),
      "POST /api/v1/practices/:pid/claims/submit": (req: { body: { dryRun: boolean; sendHeld: boolean } }) =>
        req.body.sendHeld
          ? { ...result, considered: 41, submitted: 41, scrubberRejected: 0, held: noneHeld, runId: null }
          : { ...result, considered: 0, submitted: 0, scrubberRejected: 0, files: 0, held, runId: null },
    });
    await user.click(await screen.findByRole("button", { name: "Submit now" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Submit claims now?" });
    await within(dialog).findByText(/41 claims held: 40 resting their day .*, 1 excluded by a rule\./);
    const list = within(dialog).getByRole("list", { name: "Held claims" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "PCN-1001: excluded by rule 'Hold Aetna' (primary payer is one of Aetna)",
      "PCN-1002: created today: with one step per day it rests until the next run",
    ]);
    expect(dialog.textContent).toContain("and 39 more.");
    await user.click(within(dialog).getByRole("checkbox", { name: "Send the held claims too" }));
    await within(dialog).findByText(/Preview: 41 claims considered: 41 go out/);
    await user.click(within(dialog).getByRole("button", { name: "Submit claims" }));
    await waitFor(() =>
      expect(server.callsTo("POST", "/api/v1/practices/:pid/claims/submit").at(-1)?.body).toEqual({
        dryRun: false,
        sendHeld: true,
      }),
    );
  });

  it("a read-only user has no Submit now", async () => {
    renderApp(
      at("claims"),
      {
        "GET /api/v1/practices/:pid/claims/counts": { counts: {} },
        "GET /api/v1/practices/:pid/claims": page([]),
      },
      "read_only",
    );
    await screen.findByRole("heading", { level: 1, name: "Claims" });
    expect(screen.queryByRole("button", { name: "Submit now" })).toBeNull();
  });

  it("re-scrubs a Scrubber Rejected claim and shows the new result", async () => {
    let scrubs = 0;
    const rejected = claim(8, {
      status: "scrubber_rejected",
      stage: "scrubber_rejected",
      scrubs: [
        {
          id: "s1",
          practiceId: PID,
          claimId: "ffffffff-ffff-7fff-8fff-000000000008",
          at: "2025-03-06T03:00:00Z",
          blocking: true,
          edits: [
            { code: "NO_TAXONOMY", severity: "blocking", message: "Rendering provider has no taxonomy" },
          ],
        },
      ],
    });
    const { user, server } = renderApp(at(`claims/${rejected.id}`), {
      "GET /api/v1/practices/:pid/claims/:id": () =>
        scrubs >= 2 ? { ...rejected, status: "awaiting_submission", stage: "awaiting_submission" } : rejected,
      "POST /api/v1/practices/:pid/claims/:id/rescrub": () => {
        scrubs++;
        return scrubs >= 2
          ? { claimId: rejected.id, patientControlNumber: "PCN8", blocked: false, edits: [] }
          : {
              claimId: rejected.id,
              patientControlNumber: "PCN8",
              blocked: true,
              edits: [
                {
                  code: "NO_TAXONOMY",
                  severity: "blocking",
                  message: "Rendering provider has no taxonomy",
                  path: "renderingProvider.taxonomyCode",
                },
              ],
            };
      },
    });
    await user.click(await screen.findByRole("button", { name: "Re-scrub" }));
    const still = await screen.findByText(/^Still rejected by the scrubber: 1 blocking/);
    expect(still.closest("[role=status]")?.textContent).toContain(
      "NO_TAXONOMY (blocking): Rendering provider has no taxonomy",
    );
    await user.click(screen.getByRole("button", { name: "Re-scrub" }));
    await screen.findByText("The claim passes the scrubber now and is back in Awaiting Submission.");
    // The claim is read again: its new status shows and Re-scrub goes away.
    await waitFor(() => expect(screen.queryByRole("button", { name: "Re-scrub" })).toBeNull());
    expect(screen.getByRole("region", { name: "Summary" }).textContent).toContain("Awaiting Submission");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/claims/:id/rescrub")).toHaveLength(2);
  });

  it("links a member id the scrubber rejected to the policy on the client's Insurance tab", async () => {
    const rejected = claim(9, {
      status: "scrubber_rejected",
      scrubs: [
        {
          id: "s1",
          practiceId: PID,
          claimId: "ffffffff-ffff-7fff-8fff-000000000009",
          at: "2025-03-06T03:00:00Z",
          blocking: true,
          edits: [
            {
              code: "SUBSCRIBER_ID_MISSING",
              severity: "blocking",
              message: "The insurance policy has no member (subscriber) id",
              path: "subscriber.memberId",
            },
          ],
        },
      ],
    });
    const { user, router } = renderApp(at(`claims/${rejected.id}`), {
      "GET /api/v1/practices/:pid/claims/:id": rejected,
      "GET /api/v1/practices/:pid/clients/:id": {
        id: CLIENT,
        practiceId: PID,
        version: 1,
        createdAt: "2025-01-01T00:00:00Z",
        updatedAt: "2025-01-01T00:00:00Z",
        firstName: "Ava",
        lastName: "Chen",
        dateOfBirth: "1990-01-01",
        sex: "F",
        email: null,
        phone: null,
        address: null,
        emailOptIn: true,
        smsOptIn: false,
        guarantor: null,
        paysBy: "insurance",
        autopay: false,
        autoShareDocuments: true,
        autoSuperbills: false,
        employerId: null,
        active: true,
      },
      "GET /api/v1/practices/:pid/insurance-policies": page([]),
    });
    const fixes = await screen.findByRole("navigation", { name: "Fix what the scrubber rejected" });
    await user.click(
      within(fixes).getByRole("link", { name: "Fix the member id on the client's insurance policy" }),
    );
    await screen.findByRole("heading", { level: 1, name: "Ava Chen" });
    expect(router.state.location.pathname).toBe(`/p/${PID}/clients/${CLIENT}`);
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      tab: "insurance",
      policy: rejected.policyId,
      fix: "memberId",
      claim: rejected.id,
    });
  });

  it("offers no fix link for a claim that passed the scrubber", async () => {
    const c = claim(10, { status: "awaiting_submission" });
    renderApp(at(`claims/${c.id}`), { "GET /api/v1/practices/:pid/claims/:id": c });
    await screen.findByRole("heading", { level: 1, name: "Claim PCN10" });
    expect(screen.queryByRole("navigation", { name: "Fix what the scrubber rejected" })).toBeNull();
  });

  it("shows a claim's lines and history, and 'None' for pipeline sections the API does not return yet", async () => {
    const c = claim(5);
    renderApp(at(`claims/${c.id}`), { "GET /api/v1/practices/:pid/claims/:id": c });
    await screen.findByRole("heading", { level: 1, name: "Claim PCN5" });
    expect(screen.getByRole("table", { name: "Claim lines" }).textContent).toContain("90837");
    const history = screen.getByRole("region", { name: "History" }).textContent;
    expect(history).toContain("Awaiting Submission → Submitted");
    // Who and why in words, as the API gives them; never the raw "system:…" label.
    expect(history).toContain("by Automation (Claims Submission) — sent in file claims-2025-03-05.json");
    expect(history).toContain("Nightly invoice processing run of Mar 4");
    expect(history).not.toContain("system:");
    expect(screen.queryByRole("button", { name: "Re-scrub" })).toBeNull();
    for (const section of ["Scrubber messages", "Files (837P)", "Acknowledgments", "Postings"]) {
      expect(screen.getByRole("region", { name: section }).textContent).toContain("None.");
    }
  });

  it("renders scrubber messages and postings as the claim API returns them", async () => {
    const c = claim(6, {
      status: "scrubber_rejected",
      stage: "scrubber_rejected",
      scrubs: [
        {
          id: "s1",
          practiceId: PID,
          claimId: "ffffffff-ffff-7fff-8fff-000000000006",
          at: "2025-03-06T03:00:00Z",
          blocking: true,
          edits: [
            { code: "NO_TAXONOMY", severity: "blocking", message: "Rendering provider has no taxonomy" },
          ],
        },
      ],
      postings: [
        {
          id: "p1",
          practiceId: PID,
          remittanceClaimId: null,
          claimId: "ffffffff-ffff-7fff-8fff-000000000006",
          claimLineId: null,
          invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
          kind: "payment",
          groupCode: null,
          reasonCode: null,
          amountCents: 12000,
          reversesPostingId: null,
          createdAt: "2025-03-20T15:00:00Z",
          actor: "user:o@example.com",
        },
      ],
    });
    renderApp(at(`claims/${c.id}`), { "GET /api/v1/practices/:pid/claims/:id": c });
    const messages = await screen.findByRole("region", { name: "Scrubber messages" });
    expect(messages.textContent).toContain("Rendering provider has no taxonomy");
    // A table: the message in words, what it does, and the scrubber's code beside it.
    const [, row] = within(messages).getAllByRole("row");
    expect(
      within(row!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([
      "Wed, Mar 5, 2025, 9:00 PM CST",
      "Blocks sending",
      "Rendering provider has no taxonomy",
      "NO_TAXONOMY",
    ]);
    const postings = screen.getByRole("table", { name: "Postings" });
    expect(within(postings).getByRole("columnheader", { name: "Amount" })).toBeTruthy();
    expect(within(postings).getAllByRole("row")[1]?.textContent).toContain("Payment");
    expect(postings.textContent).toContain("$120.00");
    expect(postings.textContent).not.toContain("user:");
  });
});
