import type { BillContent, ClientStatement, SuperbillContent } from "@billcycle/core";
import type { DocumentStamp } from "../../src/documents/pdf-layout";

export const practice = {
  name: "Cedar Counseling",
  addressLines: ["1 Main Street", "Austin, TX 78701-1234"],
  phone: "512-555-0100",
  taxId: "12-3456789",
  npi: "1234567893",
};

export const stamp = (over: Partial<DocumentStamp> = {}): DocumentStamp => ({
  title: "Bill",
  number: "BILL-1000",
  version: 1,
  issuedOn: "2026-03-02",
  issuedAt: new Date("2026-03-02T15:00:00Z"),
  ...over,
});

export const sampleBill = (over: Partial<BillContent> = {}): BillContent => ({
  practice,
  client: { id: "c1", name: "José Muñoz", addressLines: ["9 Elm Street", "Austin, TX 78701"] },
  invoiceNumber: "INV-1042",
  invoiceDate: "2026-03-01",
  lines: [
    {
      dateOfService: "2026-02-03",
      description: "Psychotherapy, 60 minutes",
      code: "90837",
      modifiers: ["95"],
      units: 1,
      feeCents: 17500,
      insuranceCents: 17500,
      clientCents: 0,
    },
    {
      dateOfService: "2026-02-10",
      description: "Late cancel fee",
      code: "LATE",
      modifiers: [],
      units: 1,
      feeCents: 5000,
      insuranceCents: 0,
      clientCents: 5000,
    },
  ],
  totalCents: 22500,
  insuranceCents: 15000,
  clientCents: 7500,
  adjustmentCents: 0,
  payments: [
    { date: "2026-02-20", payer: "insurance", description: "Blue Prairie remittance", amountCents: 15000 },
    { date: "2026-02-21", payer: "client", description: "Payment", amountCents: 2000 },
  ],
  amountDueCents: 5500,
  void: false,
  ...over,
});

export const sampleSuperbill = (): SuperbillContent => ({
  practice: { ...practice, taxonomyCode: "101YM0800X" },
  providers: [
    {
      name: "Hana Reyes",
      credentials: "LPC",
      npi: "1245319599",
      license: "TX LPC 12345",
      taxonomyCode: "101YM0800X",
    },
  ],
  client: {
    id: "c1",
    name: "José Muñoz",
    addressLines: ["9 Elm Street", "Austin, TX 78701"],
    dateOfBirth: "1990-05-05",
    memberId: "M123456789",
    groupNumber: "G-77",
    payerName: "Blue Prairie",
  },
  periodFrom: "2026-01-05",
  periodTo: "2026-02-23",
  diagnoses: [
    { code: "F41.1", description: "Generalized anxiety disorder" },
    { code: "F32.1", description: null },
  ],
  services: [
    {
      dateOfService: "2026-01-05",
      placeOfServiceCode: "11",
      code: "90791",
      modifiers: [],
      description: "Diagnostic evaluation",
      units: 1,
      feeCents: 20000,
      diagnosisPointers: [1, 2],
      providerIndex: 0,
    },
    {
      dateOfService: "2026-02-23",
      placeOfServiceCode: "10",
      code: "90837",
      modifiers: ["95", "GT"],
      description: "Psychotherapy, 60 minutes",
      units: 1,
      feeCents: 17500,
      diagnosisPointers: [1],
      providerIndex: 0,
    },
  ],
  totalFeeCents: 37500,
  payments: [{ date: "2026-01-06", payer: "client", description: "Card payment", amountCents: 20000 }],
  paidCents: 20000,
});

export const sampleStatement = (): ClientStatement => ({
  practice: { name: practice.name, addressLines: practice.addressLines, phone: practice.phone, taxId: null },
  client: { id: "c1", name: "Ann Lee", addressLines: ["9 Elm Street"] },
  from: "2026-02-01",
  to: "2026-02-28",
  balanceForwardCents: 2500,
  lines: [
    {
      date: "2026-02-03",
      kind: "charge",
      description: "Bill INV-1042",
      invoiceNumber: "INV-1042",
      amountCents: 17500,
    },
    {
      date: "2026-02-10",
      kind: "payment",
      description: "Payment - card ending 4242",
      invoiceNumber: null,
      amountCents: -10000,
    },
  ],
  endingBalanceCents: 10000,
  amountDueCents: 10000,
  creditOnAccountCents: 0,
});
