import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Appointment, BillingExplanation } from "../../api/models";
import { reply } from "../../test/api-mock";
import { CLIENT, LOCATION, PID, PROVIDER, page, SERVICE } from "../../test/fixtures";
import { at, renderApp, searchLandmark } from "../../test/render";

const APPT = "aaaaaaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa";
const NOTE = "bbbbbbbb-bbbb-7bbb-8bbb-bbbbbbbbbbbb";
const INVOICE = "cccccccc-cccc-7ccc-8ccc-cccccccccccc";

const appointment = (over: Partial<Appointment> = {}): Appointment => ({
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
  status: "kept",
  statusChangedAt: "2025-03-03T16:00:00Z",
  billTo: null,
  billToEmployerId: null,
  authorizationNumber: null,
  services: [{ serviceId: SERVICE, units: 1, modifiers: [] }],
  ...over,
});

const explanation = (over: Partial<BillingExplanation> = {}): BillingExplanation => ({
  appointmentId: APPT,
  status: "kept",
  dateOfService: "2025-03-03",
  billed: null,
  waiver: null,
  reasons: [
    { code: "NOTE_NOT_SIGNED", message: "progress note not signed", fix: "sign the progress note" },
    { code: "NO_DIAGNOSIS", message: "the client has no diagnosis", fix: "add a diagnosis to the client" },
  ],
  tonight:
    "It will not be invoiced at the next run (Mon 3 Mar 2025 at 23:00 CST) unless you sign the progress note.",
  canInvoiceNow: false,
  nextRunAt: "2025-03-04T05:00:00Z",
  history: [
    {
      at: "2025-03-04T05:00:10Z",
      automation: "invoice_creation",
      trigger: "schedule",
      outcome: "skipped",
      message: "progress note not signed",
      runId: null,
    },
  ],
  ...over,
});

const note = {
  id: NOTE,
  practiceId: PID,
  version: 1,
  appointmentId: APPT,
  signed: false,
  createdAt: "",
  updatedAt: "",
};

const signature = {
  signedAt: "2025-03-03T16:05:00Z",
  signedByUserId: "99999999-9999-7999-8999-999999999998",
  signedByName: "Hannah Reyes",
};

describe("a session's billing", () => {
  it("says why it was not billed, what each reason needs, and what happens tonight", async () => {
    renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": appointment(),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": explanation(),
      "GET /api/v1/practices/:pid/progress-notes": page([note]),
    });
    await screen.findByRole("heading", { level: 1, name: "Session with Ava Chen" });
    const reasons = await screen.findByRole("list", { name: "Why this session was not billed" });
    const items = within(reasons).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("Progress note not signed.");
    expect(items[0]?.textContent).toContain("To fix: sign the progress note.");
    expect(within(items[0]!).getByRole("button", { name: "Sign the progress note" })).toBeTruthy();
    expect(within(items[1]!).getByRole("button", { name: "Add a diagnosis" })).toBeTruthy();
    const billing = screen.getByRole("region", { name: "Billing" });
    expect(billing.textContent).toContain("unless you sign the progress note");
    expect(billing.textContent).toContain("Invoice Creation (schedule): skipped — progress note not signed");
  });

  it("signs the note from the reason, as the signed-in user (the server checks they are its author)", async () => {
    let signed = false;
    const { user, server } = renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": appointment(),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": () =>
        explanation(
          signed ? { reasons: [], tonight: "It will be invoiced at the next run, Mon 3 Mar." } : {},
        ),
      "GET /api/v1/practices/:pid/progress-notes": () =>
        page([{ ...note, signed, ...(signed ? signature : {}) }]),
      "POST /api/v1/practices/:pid/appointments/:id/note/sign": () => {
        signed = true;
        return { ...note, signed: true, version: 2 };
      },
    });
    const reasons = await screen.findByRole("list", { name: "Why this session was not billed" });
    await user.click(within(reasons).getByRole("button", { name: "Sign the progress note" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Sign the progress note?" });
    expect(dialog.textContent).toContain("Hannah Reyes");
    await user.click(within(dialog).getByRole("button", { name: "Sign note" }));
    await screen.findByText("Not billed yet, and nothing stands in the way.");
    expect(screen.getByRole("region", { name: "Billing" }).textContent).toContain(
      "It will be invoiced at the next run",
    );
    const [post] = server.callsTo("POST", "/api/v1/practices/:pid/appointments/:id/note/sign");
    expect(post?.params.id).toBe(APPT);
    // Who signed and when, from the signature record, in the practice's zone (Chicago).
    await screen.findByText("Signed by Hannah Reyes, Mon, Mar 3, 2025, 10:05 AM CST");
  });

  it("adds a missing diagnosis for the client", async () => {
    const { user, server } = renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": appointment(),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": explanation(),
      "GET /api/v1/practices/:pid/progress-notes": page([note]),
      "GET /api/v1/practices/:pid/diagnoses": page([]),
      "POST /api/v1/practices/:pid/diagnoses": (req: { body: unknown }) => reply(201, req.body),
    });
    await user.click(await screen.findByRole("button", { name: "Add a diagnosis" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a diagnosis" });
    await user.type(within(dialog).getByRole("textbox", { name: "ICD-10-CM code" }), "F41.1");
    await user.click(within(dialog).getByRole("button", { name: "Add diagnosis" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(server.callsTo("POST", "/api/v1/practices/:pid/diagnoses")[0]?.body).toEqual({
      clientId: CLIENT,
      code: "F41.1",
      description: null,
      rank: 1,
    });
  });

  it("invoices a session held only by an exclusion rule now, and opens the invoice", async () => {
    const { user, server, router } = renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": appointment(),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": explanation({
        reasons: [{ code: "EXCLUDED_BY_RULE", message: "excluded by rule Hold Acme", fix: null }],
        canInvoiceNow: true,
      }),
      "GET /api/v1/practices/:pid/progress-notes": page([{ ...note, signed: true }]),
      "POST /api/v1/practices/:pid/appointments/:id/invoice": () =>
        reply(201, { appointmentId: APPT, invoiceId: INVOICE, invoiceNumber: "INV-1042" }),
      "GET /api/v1/practices/:pid/invoices/:id": reply(404, { error: { code: "NOT_FOUND", message: "x" } }),
    });
    await user.click(await screen.findByRole("button", { name: "Invoice now" }));
    await waitFor(() =>
      expect(server.callsTo("POST", "/api/v1/practices/:pid/appointments/:id/invoice")).toHaveLength(1),
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/appointments/:id/invoice")[0]?.params.id).toBe(
      APPT,
    );
    await waitFor(() => expect(router.state.location.pathname).toBe(`/p/${PID}/invoices/${INVOICE}`));
  });

  it("shows no Invoice now while the billing rules hold the session, and the refusal when it races", async () => {
    const { user } = renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": appointment(),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": explanation({
        reasons: [],
        canInvoiceNow: true,
      }),
      "GET /api/v1/practices/:pid/progress-notes": page([{ ...note, signed: true }]),
      "POST /api/v1/practices/:pid/appointments/:id/invoice": reply(422, {
        error: { code: "NOT_BILLABLE", message: "The session cannot be invoiced yet", reasons: [] },
      }),
    });
    await user.click(await screen.findByRole("button", { name: "Invoice now" }));
    await screen.findByText(/The session cannot be invoiced yet/);
  });

  it("links a billed session to its invoice", async () => {
    renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": appointment(),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": explanation({
        billed: { invoiceId: INVOICE, invoiceNumber: "INV-1042" },
        reasons: [],
        tonight: "Nothing: it is already on invoice INV-1042.",
      }),
      "GET /api/v1/practices/:pid/progress-notes": page([{ ...note, signed: true }]),
    });
    const link = await screen.findByRole("link", { name: "INV-1042" });
    expect(link.getAttribute("href")).toBe(`/p/${PID}/invoices/${INVOICE}`);
  });

  it("offers the status changes the session allows, and changes it", async () => {
    let status: Appointment["status"] = "upcoming";
    const { user, server } = renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": () => appointment({ status }),
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": () =>
        explanation({ status, reasons: [], tonight: "It will be invoiced at the next run." }),
      "GET /api/v1/practices/:pid/progress-notes": page([]),
      "POST /api/v1/practices/:pid/appointments/:id/status": (req: { body: unknown }) => {
        status = (req.body as { status: Appointment["status"] }).status;
        return appointment({ status });
      },
    });
    const group = await screen.findByRole("group", { name: /^Change status of Ava Chen/ });
    expect(
      within(group)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Mark Kept", "Mark No Show", "Mark Late Cancel", "Mark Canceled"]);
    await user.click(within(group).getByRole("button", { name: "Mark Kept" }));
    await waitFor(() =>
      expect(screen.getByRole("region", { name: "Session" }).textContent).toContain("Kept"),
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/appointments/:id/status")[0]?.body).toEqual({
      status: "kept",
    });
  });

  it("gives a read-only user the explanation but no way to change anything", async () => {
    renderApp(
      at(`sessions/${APPT}`),
      {
        "GET /api/v1/practices/:pid/appointments/:id": appointment(),
        "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": explanation(),
        "GET /api/v1/practices/:pid/progress-notes": page([note]),
      },
      "read_only",
    );
    await screen.findByRole("list", { name: "Why this session was not billed" });
    const main = screen.getByRole("main");
    expect(within(main).queryAllByRole("button")).toHaveLength(0);
    expect(within(main).queryByRole("group", { name: /Change status/ })).toBeNull();
  });
});

describe("the sessions list", () => {
  it("filters on the server and shows each past session's billing state", async () => {
    const past = appointment();
    const billed = appointment({
      id: "dddddddd-dddd-7ddd-8ddd-dddddddddddd",
      dateOfService: "2025-03-04",
      startsAt: "2025-03-04T15:00:00Z",
    });
    const future = appointment({
      id: "eeeeeeee-eeee-7eee-8eee-eeeeeeeeeeee",
      dateOfService: "2999-01-01",
      status: "upcoming",
    });
    const { user, server } = renderApp(at("sessions"), {
      "GET /api/v1/practices/:pid/appointments": page([past, billed, future], "next-cursor"),
      "GET /api/v1/practices/:pid/appointment-billing-states": {
        data: [
          {
            appointmentId: past.id,
            billed: null,
            reasons: explanation().reasons.map(({ fix: _, ...r }) => r),
          },
          {
            appointmentId: billed.id,
            billed: { invoiceId: INVOICE, invoiceNumber: "INV-1001" },
            reasons: [],
          },
        ],
      },
    });
    await screen.findByText("Not billed: progress note not signed (+1 more)");
    expect(screen.getByRole("link", { name: "INV-1001" })).toBeTruthy();
    const rows = screen.getAllByRole("row");
    expect(rows[3]?.textContent).toContain("—");
    // One request for the page's past sessions; the future session is not asked about, nor any one by one.
    const asked = server.callsTo("GET", "/api/v1/practices/:pid/appointment-billing-states");
    expect(asked).toHaveLength(1);
    expect(asked[0]?.query.get("ids")).toBe(`${past.id},${billed.id}`);
    expect(server.callsTo("GET", "/api/v1/practices/:pid/appointments/:id/billing-explanation")).toHaveLength(
      0,
    );
    // Newest first unless the Date header says otherwise.
    expect(server.callsTo("GET", "/api/v1/practices/:pid/appointments")[0]?.query.get("sort")).toBe(
      "-startsAt",
    );

    const filters = searchLandmark("Filter sessions");
    await user.click(within(filters).getByRole("button", { name: /Status/ }));
    await user.click(await screen.findByRole("option", { name: "No Show" }));
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/appointments").at(-1)?.query.get("status")).toBe(
        "no_show",
      ),
    );

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect(server.callsTo("GET", "/api/v1/practices/:pid/appointments").at(-1)?.query.get("cursor")).toBe(
        "next-cursor",
      ),
    );
    expect(server.callsTo("GET", "/api/v1/practices/:pid/appointments").at(-1)?.query.get("status")).toBe(
      "no_show",
    );
  });

  it("sorts by date through the API and lists what is not billed, up to today", async () => {
    const { user, server } = renderApp(at("sessions"), {
      "GET /api/v1/practices/:pid/appointments": page([appointment()]),
      "GET /api/v1/practices/:pid/appointment-billing-states": { data: [] },
    });
    await screen.findByRole("link", { name: /^Session: Ava Chen/ });
    const lastQuery = () => server.callsTo("GET", "/api/v1/practices/:pid/appointments").at(-1)?.query;
    expect(screen.getByRole("columnheader", { name: /^Date/ }).getAttribute("aria-sort")).toBe("descending");
    await user.click(screen.getByRole("button", { name: /^Date/ }));
    await waitFor(() => expect(lastQuery()?.get("sort")).toBe("startsAt"));

    const filters = searchLandmark("Filter sessions");
    await user.click(within(filters).getByRole("button", { name: /Billing/ }));
    await user.click(await screen.findByRole("option", { name: "Not billed" }));
    await waitFor(() => expect(lastQuery()?.get("billed")).toBe("no"));
    // Sessions booked ahead are not "left to bill": the list stops at today.
    expect(lastQuery()?.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows a week calendar with each session linked and its billing state", async () => {
    const { server } = renderApp(at("sessions?view=calendar&week=2025-03-05"), {
      "GET /api/v1/practices/:pid/appointments": page([appointment()]),
      "GET /api/v1/practices/:pid/appointment-billing-states": {
        data: [
          { appointmentId: APPT, billed: { invoiceId: INVOICE, invoiceNumber: "INV-1042" }, reasons: [] },
        ],
      },
    });
    await screen.findByRole("heading", { level: 2, name: /Mar 3 – Sun, Mar 9, 2025/ });
    const monday = screen.getByRole("region", { name: /Mon, Mar 3/ });
    const link = await within(monday).findByRole("link", { name: /Ava Chen/ });
    expect(link.getAttribute("href")).toBe(`/p/${PID}/sessions/${APPT}`);
    await waitFor(() => expect(link.textContent).toContain("Billed · INV-1042"));
    const q = server.callsTo("GET", "/api/v1/practices/:pid/appointments")[0]?.query;
    expect([q?.get("from"), q?.get("to")]).toEqual(["2025-03-03", "2025-03-09"]);
  });

  it("lists a clinician's signature requests, and signing one takes it off the list", async () => {
    let signed = false;
    const request = {
      id: "dddddddd-dddd-7ddd-8ddd-dddddddddddd",
      appointmentId: APPT,
      startsAt: "2025-03-03T15:00:00Z",
      dateOfService: "2025-03-03",
      client: { id: CLIENT, name: "Ava Chen" },
      provider: { id: PROVIDER, name: "Hannah Reyes" },
      requestedBy: "Ben Biller",
      message: "Needed for the March claim",
      createdAt: "2025-03-04T15:00:00Z",
    };
    const { user, server } = renderApp(
      at("sessions"),
      {
        "GET /api/v1/practices/:pid/appointments": page([]),
        "GET /api/v1/practices/:pid/note-signature-requests": () => ({ data: signed ? [] : [request] }),
        "POST /api/v1/practices/:pid/appointments/:id/note/sign": () => {
          signed = true;
          return { ...note, signed: true, version: 2 };
        },
      },
      "clinician",
    );
    const region = await screen.findByRole("region", { name: "Signature requests" });
    expect(
      server.callsTo("GET", "/api/v1/practices/:pid/note-signature-requests")[0]?.query.get("mine"),
    ).toBe("true");
    const row = within(region).getByRole("row", { name: /Ava Chen/ });
    expect(row.textContent).toContain("Ben Biller");
    expect(row.textContent).toContain("Needed for the March claim");
    expect(
      within(row)
        .getByRole("link", { name: /^Session: Ava Chen/ })
        .getAttribute("href"),
    ).toBe(`/p/${PID}/sessions/${APPT}`);
    await user.click(within(row).getByRole("button", { name: /^Sign Ava Chen/ }));
    const dialog = await screen.findByRole("alertdialog", { name: "Sign the progress note?" });
    await user.click(within(dialog).getByRole("button", { name: "Sign note" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Signature requests" })).toBeNull());
    expect(server.callsTo("POST", "/api/v1/practices/:pid/appointments/:id/note/sign")[0]?.params.id).toBe(
      APPT,
    );
  });

  it("shows no signature requests to a biller, who cannot sign", async () => {
    const { server } = renderApp(
      at("sessions"),
      { "GET /api/v1/practices/:pid/appointments": page([]) },
      "biller",
    );
    await screen.findByText("No sessions match these filters.");
    expect(screen.queryByRole("region", { name: "Signature requests" })).toBeNull();
    expect(server.callsTo("GET", "/api/v1/practices/:pid/note-signature-requests")).toHaveLength(0);
  });
});
