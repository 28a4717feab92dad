import { defaultAutomationConfig } from "@billcycle/core";
import type { AutomationSettings, Me, Role } from "../api/models";

export const PID = "11111111-1111-7111-8111-111111111111";
export const OTHER = "22222222-2222-7222-8222-222222222222";
export const CLIENT = "33333333-3333-7333-8333-333333333333";
export const PROVIDER = "44444444-4444-7444-8444-444444444444";
export const LOCATION = "55555555-5555-7555-8555-555555555555";
export const PAYER = "66666666-6666-7666-8666-666666666666";
export const SERVICE = "77777777-7777-7777-8777-777777777777";

export const me = (role: Role = "owner"): Me => ({
  user: { id: "99999999-9999-7999-8999-999999999999", email: "o@example.com", name: "Olivia Owner" },
  memberships: [
    { practiceId: PID, practiceName: "Riverbend Counseling", role },
    { practiceId: OTHER, practiceName: "Harbor Occupational Health", role: "biller" },
  ],
  isOperator: false,
});

const base = {
  practiceId: PID,
  version: 1,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
};

export const practice = {
  id: PID,
  name: "Riverbend Counseling",
  timeZone: "America/Chicago",
  locale: "en-US",
  version: 3,
};

export const page = <T>(data: T[], nextCursor: string | null = null) => ({ data, nextCursor });

/** The reference data the directory loads, one of each. */
export const directoryRoutes = {
  "GET /api/v1/practices/:pid/clients": page([
    {
      ...base,
      id: CLIENT,
      firstName: "Ava",
      lastName: "Chen",
      dateOfBirth: "1990-01-01",
      sex: "F",
      paysBy: "insurance",
    },
  ]),
  "GET /api/v1/practices/:pid/providers": page([
    {
      ...base,
      id: PROVIDER,
      firstName: "Hannah",
      lastName: "Reyes",
      credentials: "LPC",
      npi: "1234567893",
      taxonomyCode: "101YM0800X",
    },
  ]),
  "GET /api/v1/practices/:pid/locations": page([
    {
      ...base,
      id: LOCATION,
      name: "Main office",
      placeOfServiceCode: "11",
      address: { line1: "1 Main", city: "Austin", state: "TX", zip: "78701" },
    },
  ]),
  "GET /api/v1/practices/:pid/payers": page([
    { ...base, id: PAYER, name: "Blue Prairie Health", payerId: "BPH01", claimFilingIndicator: "BL" },
  ]),
  "GET /api/v1/practices/:pid/services": page([
    { ...base, id: SERVICE, code: "90837", description: "Psychotherapy, 60 minutes", feeCents: 17500 },
  ]),
  "GET /api/v1/practices/:pid/products": page([]),
};

export const automationSettings = (change?: (s: AutomationSettings) => void): AutomationSettings => {
  const s: AutomationSettings = {
    config: defaultAutomationConfig(),
    version: 4,
    timeZone: "America/Chicago",
    automations: {
      invoice_creation: {
        title: "Invoice Creation",
        explanation: "Every night, billcycle creates an invoice for each kept session.",
        schedule: "every night at 23:00 (America/Chicago)",
        nextRunAt: null,
        rulesText: "Nothing is excluded.",
      },
      invoice_processing: {
        title: "Invoice Processing",
        explanation: "Every night, billcycle turns open insurance invoices into claims.",
        schedule: "every night at 22:00 (America/Chicago)",
        nextRunAt: null,
        rulesText: "Excludes items where (client pays by = self-pay).",
      },
      claims_submission: {
        title: "Claims Submission",
        explanation: "Every night, claims awaiting submission go through the claim scrubber.",
        schedule: "every night at 21:00 (America/Chicago)",
        nextRunAt: null,
        rulesText: "Nothing is excluded.",
      },
      autopay: {
        title: "Autopay",
        explanation: "Automatically collect payments using the default credit card on file for a client.",
        schedule: "every night at 00:30 (America/Chicago)",
        nextRunAt: null,
        rulesText: "Nothing is excluded.",
      },
      era_processing: {
        title: "ERA Processing",
        explanation: "Every night, billcycle picks up electronic remittances.",
        schedule: "every night at 20:00 (America/Chicago)",
        nextRunAt: null,
        rulesText: "Nothing is excluded.",
      },
      superbills: {
        title: "Superbills",
        explanation: "On your superbill day each month, clients with automatic superbills get one.",
        schedule: "on day 1 of each month (the last day when shorter) at 01:00 (America/Chicago)",
        nextRunAt: null,
        rulesText: "Nothing is excluded.",
      },
    },
  };
  change?.(s);
  return s;
};
