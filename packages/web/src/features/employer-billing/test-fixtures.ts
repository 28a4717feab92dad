import type { EmployerInvoiceSummary } from "./employer-billing-api";

export const EMPLOYER = "aaaaaaaa-aaaa-7aaa-8aaa-000000000001";
export const BATCH = "bbbbbbbb-bbbb-7bbb-8bbb-000000000001";
export const INVOICE = "cccccccc-cccc-7ccc-8ccc-000000000001";

export const invoice: EmployerInvoiceSummary = {
  id: INVOICE,
  number: "INV-1042",
  kind: "invoice",
  batchId: BATCH,
  batchNumber: 1042,
  employerId: EMPLOYER,
  employerName: "Harbor Shipyards",
  originalInvoiceId: null,
  timesBatched: 1,
  issuedOn: "2026-02-01",
  dueOn: "2026-03-03",
  totalCents: 30_000,
  amountDueCents: 30_000,
  status: "open",
  billedCents: 30_000,
  paidCents: 0,
  creditedCents: 0,
  openCents: 30_000,
  encounterCount: 2,
  delivery: "email",
  emailedAt: null,
  printedAt: null,
};
