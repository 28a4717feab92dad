import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Client } from "../../api/models";
import { type MockRequest, reply } from "../../test/api-mock";
import { CLIENT, PAYER, PID, page } from "../../test/fixtures";
import { at, renderApp, searchLandmark } from "../../test/render";
import type { Policy } from "./PolicyForm";

const base = {
  practiceId: PID,
  version: 2,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
};

const client = (id: string, firstName: string, lastName: string, fields: Partial<Client> = {}): Client => ({
  ...base,
  id,
  firstName,
  lastName,
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
  shareDocumentKinds: "both",
  autoSuperbills: false,
  employerId: null,
  billTo: null,
  active: true,
  timeZone: null,
  emailBouncedAt: null,
  ...fields,
});

const ava = client(CLIENT, "Ava", "Chen", { email: "ava@example.com" });
const others = [
  client("33333333-3333-7333-8333-000000000002", "Dana", "Whitfield", { dateOfBirth: "1985-03-14" }),
  client("33333333-3333-7333-8333-000000000003", "Ana", "Whitman"),
];

const POLICY = "88888888-8888-7888-8888-888888888888";
const policy = (fields: Partial<Policy> = {}): Policy => ({
  ...base,
  id: POLICY,
  clientId: CLIENT,
  payerId: PAYER,
  rank: "primary",
  memberId: " ",
  groupNumber: "G-100",
  subscriberRelationship: "self",
  subscriber: null,
  effectiveFrom: "2025-01-01",
  effectiveTo: null,
  ...fields,
});

const field = (label: string) => {
  const input = screen.getByLabelText(label, { selector: "input" });
  const group = input.closest(".field");
  if (!group) throw new Error(`${label} is not in a field`);
  return group as HTMLElement;
};

const choose = async (user: ReturnType<typeof renderApp>["user"], label: RegExp, option: string) => {
  await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: label }));
  await user.click(await screen.findByRole("option", { name: option }));
};

describe("Clients", () => {
  it("finds clients by name and date of birth through the API, page by page, from the navigation", async () => {
    const { user, server, router } = renderApp(at("sessions"), {
      "GET /api/v1/practices/:pid/clients": (req: MockRequest) => {
        // The directory (limit 200) reads every client; the list asks for pages of 25 by last name.
        if (req.query.get("limit") === "200") return page([ava, ...others]);
        const q = req.query.get("search")?.toLowerCase();
        const dob = req.query.get("dateOfBirth");
        const all = [ava, ...others].filter(
          (c) =>
            (!q || `${c.firstName} ${c.lastName}`.toLowerCase().includes(q)) &&
            (!dob || c.dateOfBirth === dob),
        );
        if (req.query.get("cursor") === "next") return page(all.slice(1));
        return page(all.slice(0, 1), all.length > 1 ? "next" : null);
      },
    });
    await user.click(
      within(await screen.findByRole("navigation", { name: "Main" })).getByRole("link", { name: "Clients" }),
    );
    expect(router.state.location.pathname).toBe(`/p/${PID}/clients`);
    await screen.findByRole("heading", { level: 1, name: "Clients" });
    const filters = searchLandmark("Find clients");
    await user.type(within(filters).getByLabelText("Name"), "whit");
    // Typing settles for 300 ms before the list is asked again: wait longer than findBy's default second.
    const settled = { timeout: 5_000 };
    await screen.findByRole("link", { name: "Whitfield, Dana" }, settled);
    const listCalls = () =>
      server.callsTo("GET", "/api/v1/practices/:pid/clients").filter((c) => c.query.get("limit") !== "200");
    const last = listCalls().at(-1);
    expect(last?.query.get("search")).toBe("whit");
    expect(last?.query.get("sort")).toBe("lastName");
    expect(router.state.location.search).toBe("?q=whit");

    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("link", { name: "Whitman, Ana" }, settled);
    expect(listCalls().at(-1)?.query.get("cursor")).toBe("next");

    await user.type(within(filters).getByLabelText("Date of birth"), "1985-03-14");
    await waitFor(() => expect(listCalls().at(-1)?.query.get("dateOfBirth")).toBe("1985-03-14"), settled);
    await screen.findByRole("link", { name: "Whitfield, Dana" }, settled);
    expect(screen.queryByRole("link", { name: "Whitman, Ana" })).toBeNull();
  });

  it("creates a client; the API's coded error shows next to its field", async () => {
    const made = client("33333333-3333-7333-8333-000000000009", "Rosa", "Diaz", {
      dateOfBirth: "1975-05-06",
    });
    let attempts = 0;
    const { user, server, router } = renderApp(at("clients"), {
      "POST /api/v1/practices/:pid/clients": () => {
        attempts += 1;
        return attempts === 1
          ? reply(400, {
              error: {
                code: "INVALID_ZIP",
                message: "address.zip: ZIP must be 5 digits or ZIP+4",
                issues: [
                  { path: "address.zip", code: "INVALID_ZIP", message: "ZIP must be 5 digits or ZIP+4" },
                ],
              },
            })
          : reply(201, made);
      },
      "GET /api/v1/practices/:pid/clients/:id": made,
    });
    await user.click(await screen.findByRole("button", { name: "New client" }));
    const dialog = await screen.findByRole("dialog", { name: "New client" });
    await user.type(within(dialog).getByLabelText("First name"), "Rosa");
    await user.type(within(dialog).getByLabelText("Last name"), "Diaz");
    await user.type(within(dialog).getByLabelText("Date of birth"), "1975-05-06");
    await user.type(within(dialog).getByLabelText("Street"), "12 Elm St");
    await user.type(within(dialog).getByLabelText("City"), "Austin");
    await user.type(within(dialog).getByLabelText("State"), "tx");
    await user.type(within(dialog).getByLabelText("ZIP"), "787");
    await user.click(within(dialog).getByRole("checkbox", { name: "Text messages (SMS)" }));
    await user.click(within(dialog).getByRole("button", { name: "Create client" }));

    await waitFor(() =>
      expect(field("ZIP").textContent).toContain("ZIP must be 5 digits or ZIP+4 (INVALID_ZIP)"),
    );
    expect(within(dialog).getByRole("alert").textContent).toContain("see the messages beside them");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/clients")[0]?.body).toEqual({
      firstName: "Rosa",
      lastName: "Diaz",
      dateOfBirth: "1975-05-06",
      sex: "U",
      paysBy: "insurance",
      email: null,
      phone: null,
      address: { line1: "12 Elm St", city: "Austin", state: "TX", zip: "787" },
      emailOptIn: true,
      smsOptIn: true,
      guarantor: null,
    });

    await user.type(within(dialog).getByLabelText("ZIP"), "01");
    await user.click(within(dialog).getByRole("button", { name: "Create client" }));
    await screen.findByRole("heading", { level: 1, name: "Rosa Diaz" });
    expect(router.state.location.pathname).toBe(`/p/${PID}/clients/${made.id}`);
  });

  it("edits the profile with a guarantor; a refused email shows beside the email field", async () => {
    const { user, server } = renderApp(at(`clients/${CLIENT}`), {
      "GET /api/v1/practices/:pid/clients/:id": ava,
      "PATCH /api/v1/practices/:pid/clients/:id": (req: MockRequest) =>
        (req.body as { email: string }).email === "not-an-email"
          ? reply(400, {
              error: {
                code: "VALIDATION_FAILED",
                message: "email: Invalid email address",
                issues: [{ path: "email", code: "VALIDATION_FAILED", message: "Invalid email address" }],
              },
            })
          : { ...ava, version: 3 },
    });
    await screen.findByRole("heading", { level: 1, name: "Ava Chen" });
    expect(screen.getByRole("link", { name: "Profile" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Billing" }).getAttribute("href")).toBe(
      `/p/${PID}/clients/${CLIENT}?tab=billing`,
    );
    await user.click(screen.getByRole("button", { name: "Edit profile" }));
    const email = screen.getByLabelText("Email");
    await user.clear(email);
    await user.type(email, "not-an-email");
    await user.click(screen.getByRole("checkbox", { name: /guarantor/ }));
    await user.type(screen.getByLabelText("Guarantor first name"), "Mei");
    await user.type(screen.getByLabelText("Guarantor last name"), "Chen");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(field("Email").textContent).toContain("Invalid email address"));

    await user.clear(email);
    await user.type(email, "ava.chen@example.com");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    await screen.findByText("Profile saved.");
    const body = server.callsTo("PATCH", "/api/v1/practices/:pid/clients/:id").at(-1)?.body;
    expect(body).toMatchObject({
      version: 2,
      email: "ava.chen@example.com",
      guarantor: { firstName: "Mei", lastName: "Chen", relationship: "parent" },
    });
  });
});

describe("Client insurance", () => {
  it("adds a secondary policy held by another subscriber, with the subscriber's name, birth date and relationship", async () => {
    const policies = [policy({ memberId: "BPH-111" })];
    const { user, server } = renderApp(at(`clients/${CLIENT}?tab=insurance`), {
      "GET /api/v1/practices/:pid/clients/:id": ava,
      "GET /api/v1/practices/:pid/insurance-policies": () => page(policies),
      "POST /api/v1/practices/:pid/insurance-policies": (req: MockRequest) => {
        const body = req.body as Policy;
        if (body.subscriber && body.subscriber.dateOfBirth > "2020-01-01")
          return reply(400, {
            error: {
              code: "INVALID_DATE",
              message: "subscriber.dateOfBirth: date must be a calendar date YYYY-MM-DD",
              issues: [
                {
                  path: "subscriber.dateOfBirth",
                  code: "INVALID_DATE",
                  message: "date must be on or before the client's date of birth",
                },
              ],
            },
          });
        const made = policy({ ...body, id: "88888888-8888-7888-8888-000000000002", version: 1 });
        policies.push(made);
        return reply(201, made);
      },
    });
    const table = await screen.findByRole("table", { name: "Insurance policies" });
    expect(within(table).getAllByRole("row")[1]?.textContent).toContain("Ava Chen (the client)");
    await user.click(screen.getByRole("button", { name: "Add policy" }));
    const dialog = await screen.findByRole("dialog", { name: "Add insurance policy" });
    await choose(user, /Payer/, "Blue Prairie Health");
    // A primary is on file: the new policy starts as secondary.
    expect(within(dialog).getByRole("button", { name: /Rank/ }).textContent).toContain("Secondary");
    await user.type(within(dialog).getByLabelText(/Member ID/), "XQ-2040");
    expect(within(dialog).queryByLabelText("Subscriber first name")).toBeNull();
    await choose(user, /Subscriber/, "Client is the subscriber's child");
    await user.type(within(dialog).getByLabelText("Subscriber first name"), "Mei");
    await user.type(within(dialog).getByLabelText("Subscriber last name"), "Chen");
    await user.type(within(dialog).getByLabelText("Subscriber date of birth"), "2024-02-02");
    await user.click(within(dialog).getByRole("button", { name: "Add policy" }));
    await waitFor(() =>
      expect(field("Subscriber date of birth").textContent).toContain(
        "Date must be on or before the client's date of birth (INVALID_DATE)",
      ),
    );

    const dob = within(dialog).getByLabelText("Subscriber date of birth");
    await user.clear(dob);
    await user.type(dob, "1962-09-30");
    await user.click(within(dialog).getByRole("button", { name: "Add policy" }));
    await screen.findByText("Policy added.");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/insurance-policies").at(-1)?.body).toMatchObject({
      clientId: CLIENT,
      payerId: PAYER,
      rank: "secondary",
      memberId: "XQ-2040",
      subscriberRelationship: "child",
      subscriber: { firstName: "Mei", lastName: "Chen", dateOfBirth: "1962-09-30", sex: "U" },
    });
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(3));
    expect(within(table).getAllByRole("row")[2]?.textContent).toContain(
      "Mei Chen, born Sun, Sep 30, 1962 — client is the subscriber's child",
    );
  });

  it("opens the policy the scrubber rejected at its member id, saves the fix and links back to the claim", async () => {
    const CLAIM = "cccccccc-cccc-7ccc-8ccc-cccccccccccc";
    const { user, server } = renderApp(
      at(`clients/${CLIENT}?tab=insurance&policy=${POLICY}&fix=memberId&claim=${CLAIM}`),
      {
        "GET /api/v1/practices/:pid/clients/:id": ava,
        "GET /api/v1/practices/:pid/insurance-policies": () => page([policy()]),
        "PATCH /api/v1/practices/:pid/insurance-policies/:id": (req: MockRequest) =>
          policy({ ...(req.body as Partial<Policy>), version: 3 }),
      },
    );
    const dialog = await screen.findByRole("dialog", { name: "Edit primary policy" });
    expect(screen.getByText(/The scrubber rejected this policy's member id/)).toBeTruthy();
    const memberId = within(dialog).getByLabelText(/Member ID/);
    await waitFor(() => expect(document.activeElement).toBe(memberId));
    await user.clear(memberId);
    await user.type(memberId, "BPH-778812");
    await user.click(within(dialog).getByRole("button", { name: "Save policy" }));
    const notice = await screen.findByRole("status");
    await waitFor(() => expect(notice.textContent).toContain("Policy saved."));
    const body = server.callsTo("PATCH", "/api/v1/practices/:pid/insurance-policies/:id")[0]?.body;
    expect(body).toMatchObject({ memberId: "BPH-778812", version: 2, rank: "primary" });
    expect(body).not.toHaveProperty("clientId");
    expect(
      within(notice)
        .getByRole("link", { name: /Back to the claim/ })
        .getAttribute("href"),
    ).toBe(`/p/${PID}/claims/${CLAIM}`);
  });

  it("ends a policy's coverage on a day", async () => {
    const { user, server } = renderApp(at(`clients/${CLIENT}?tab=insurance`), {
      "GET /api/v1/practices/:pid/clients/:id": ava,
      "GET /api/v1/practices/:pid/insurance-policies": () => page([policy({ memberId: "BPH-1" })]),
      "PATCH /api/v1/practices/:pid/insurance-policies/:id": (req: MockRequest) =>
        policy({ ...(req.body as Partial<Policy>), version: 3 }),
    });
    await user.click(await screen.findByRole("button", { name: "End primary policy Blue Prairie Health" }));
    const dialog = await screen.findByRole("dialog");
    const date = within(dialog).getByLabelText("Last day of coverage");
    await user.clear(date);
    await user.type(date, "2025-06-30");
    await user.click(within(dialog).getByRole("button", { name: "End coverage" }));
    await waitFor(() =>
      expect(server.callsTo("PATCH", "/api/v1/practices/:pid/insurance-policies/:id")[0]?.body).toEqual({
        effectiveTo: "2025-06-30",
        version: 2,
      }),
    );
  });
});

describe("Add insurance from a session not billed for want of it", () => {
  it("takes a subscriber other than the client, with no dead end to the API", async () => {
    const APPT = "aaaaaaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa";
    const { user, server } = renderApp(at(`sessions/${APPT}`), {
      "GET /api/v1/practices/:pid/appointments/:id": {
        ...base,
        id: APPT,
        clientId: CLIENT,
        providerId: "44444444-4444-7444-8444-444444444444",
        locationId: "55555555-5555-7555-8555-555555555555",
        startsAt: "2025-03-03T15:00:00Z",
        endsAt: "2025-03-03T15:50:00Z",
        dateOfService: "2025-03-03",
        status: "kept",
        statusChangedAt: "2025-03-03T16:00:00Z",
        services: [],
      },
      "GET /api/v1/practices/:pid/appointments/:id/billing-explanation": {
        appointmentId: APPT,
        status: "kept",
        dateOfService: "2025-03-03",
        billed: null,
        reasons: [
          {
            code: "NO_ACTIVE_POLICY",
            message: "the client has no insurance policy in effect on the date of service",
            fix: "add or update the client's insurance policy",
          },
        ],
        tonight: "It will not be invoiced.",
        nextRunAt: null,
        history: [],
      },
      "GET /api/v1/practices/:pid/progress-notes": page([]),
      "POST /api/v1/practices/:pid/insurance-policies": (req: MockRequest) =>
        reply(201, policy({ ...(req.body as Partial<Policy>), version: 1 })),
    });
    await user.click(await screen.findByRole("button", { name: "Add insurance" }));
    const dialog = await screen.findByRole("dialog", { name: "Add primary insurance" });
    expect(dialog.textContent).not.toContain("use the API");
    await choose(user, /Payer/, "Blue Prairie Health");
    await user.type(within(dialog).getByLabelText(/Member ID/), "BPH-9");
    await choose(user, /Subscriber$/, "Client is the subscriber's child");
    await user.type(within(dialog).getByLabelText("Subscriber first name"), "Lin");
    await user.type(within(dialog).getByLabelText("Subscriber last name"), "Chen");
    await user.type(within(dialog).getByLabelText("Subscriber date of birth"), "1960-01-15");
    await user.click(within(dialog).getByRole("button", { name: "Add insurance" }));
    await waitFor(() =>
      expect(server.callsTo("POST", "/api/v1/practices/:pid/insurance-policies")[0]?.body).toMatchObject({
        clientId: CLIENT,
        rank: "primary",
        effectiveFrom: "2025-03-03",
        subscriberRelationship: "child",
        subscriber: { firstName: "Lin", lastName: "Chen", dateOfBirth: "1960-01-15" },
      }),
    );
  });
});

describe("Client diagnoses", () => {
  it("lists diagnoses in claim order, moves one up and adds one; a bad code is refused beside the field", async () => {
    const dx = (id: string, code: string, rank: number) => ({
      ...base,
      id,
      clientId: CLIENT,
      code,
      description: null,
      rank,
      active: true,
    });
    const { user, server } = renderApp(at(`clients/${CLIENT}?tab=diagnoses`), {
      "GET /api/v1/practices/:pid/clients/:id": ava,
      "GET /api/v1/practices/:pid/diagnoses": () =>
        page([
          dx("d0000000-0000-7000-8000-000000000002", "F32.1", 2),
          dx("d0000000-0000-7000-8000-000000000001", "F41.1", 1),
        ]),
      "PATCH /api/v1/practices/:pid/diagnoses/:id": {},
      "POST /api/v1/practices/:pid/diagnoses": () =>
        reply(400, {
          error: {
            code: "INVALID_ICD10",
            message: "code: diagnosis must be an ICD-10-CM code such as F41.1",
            issues: [
              {
                path: "code",
                code: "INVALID_ICD10",
                message: "diagnosis must be an ICD-10-CM code such as F41.1",
              },
            ],
          },
        }),
    });
    const list = await screen.findByRole("list", { name: "Diagnoses in claim order" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent?.slice(0, 5)),
    ).toEqual(["F41.1", "F32.1"]);
    await user.click(screen.getByRole("button", { name: "Move F32.1 up" }));
    await waitFor(() =>
      expect(
        server.callsTo("PATCH", "/api/v1/practices/:pid/diagnoses/:id").map((c) => [c.params.id, c.body]),
      ).toEqual([
        ["d0000000-0000-7000-8000-000000000002", { version: 2, rank: 1 }],
        ["d0000000-0000-7000-8000-000000000001", { version: 2, rank: 2 }],
      ]),
    );
    await user.type(screen.getByLabelText("ICD-10-CM code"), "296.3");
    await user.click(screen.getByRole("button", { name: "Add diagnosis" }));
    await waitFor(() =>
      expect(field("ICD-10-CM code").textContent).toContain(
        "Diagnosis must be an ICD-10-CM code such as F41.1 (INVALID_ICD10)",
      ),
    );
    expect(server.callsTo("POST", "/api/v1/practices/:pid/diagnoses")[0]?.body).toMatchObject({
      code: "296.3",
      rank: 3,
    });
  });
});
