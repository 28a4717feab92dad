import type { EmployerInvoiceColumn, InvoiceProfileContent } from "@billcycle/db";
import { type Column, money, PdfLayout } from "../documents/pdf-layout";
import type { InvoiceActivity } from "./employer-billing-schemas";

export type EmployerInvoiceContent = {
  kind: "invoice" | "rebatch" | "credit_memo";
  number: string;
  /** A re-batch's or credit memo's original invoice number. */
  originalNumber: string | null;
  issuedOn: string;
  issuedAt: Date;
  dueOn: string;
  termsDays: number;
  profile: InvoiceProfileContent;
  employer: { name: string; addressLines: string[] };
  lines: Array<{
    employeeName: string;
    employeeId: string;
    dateOfService: string;
    code: string;
    description: string;
    authorizationNumber: string | null;
    amountCents: number;
  }>;
  totalCents: number;
  /** Payments and credits since the original was sent (a re-batch lists them). */
  activity: InvoiceActivity[];
  amountDueCents: number;
};

const columnSpec: Record<EmployerInvoiceColumn, Column> = {
  employee_name: { header: "Employee", width: 22 },
  employee_id: { header: "Employee ID", width: 12 },
  date_of_service: { header: "Date of service", width: 13 },
  service: { header: "Service", width: 30 },
  authorization: { header: "Auth / PO", width: 12 },
  amount: { header: "Amount", width: 12, align: "right" },
};

const cell = (c: EmployerInvoiceColumn, l: EmployerInvoiceContent["lines"][number]): string => {
  switch (c) {
    case "employee_name":
      return l.employeeName;
    case "employee_id":
      return l.employeeId;
    case "date_of_service":
      return l.dateOfService;
    case "service":
      return `${l.code} ${l.description}`;
    case "authorization":
      return l.authorizationNumber ?? "";
    case "amount":
      return money(l.amountCents);
  }
};

const titles = { invoice: "Invoice", rebatch: "Invoice", credit_memo: "Credit memo" } as const;

/**
 * An employer invoice, re-batch or credit memo as a PDF following its profile: header and remit-to, the chosen
 * columns, lines grouped by employee or by date, and the total; a re-batch lists the payments and credits since
 * the original and what is due now. Pure: the same content gives the same bytes.
 */
export const renderEmployerInvoicePdf = async (c: EmployerInvoiceContent): Promise<Uint8Array> => {
  const page = new PdfLayout({
    title: titles[c.kind],
    number: c.number,
    version: 1,
    issuedOn: c.issuedOn,
    issuedAt: c.issuedAt,
  });
  page.header({
    name: c.profile.logoText ? `${c.profile.logoText}  ${c.profile.header.name}` : c.profile.header.name,
    addressLines: c.profile.header.lines,
    phone: null,
    taxId: null,
    npi: null,
  });
  page.blocks(
    { label: "Bill to", lines: [c.employer.name, ...c.employer.addressLines] },
    {
      label: "Remit to",
      lines: [
        ...c.profile.remitTo.lines,
        c.kind === "credit_memo" ? `Credits invoice ${c.originalNumber ?? ""}` : `Terms: net ${c.termsDays}`,
        ...(c.kind === "credit_memo" ? [] : [`Due: ${c.dueOn}`]),
        ...(c.kind === "rebatch" ? [`Reprint of ${c.originalNumber ?? ""}`] : []),
      ],
    },
  );
  const key = (l: EmployerInvoiceContent["lines"][number]) =>
    c.profile.grouping === "employee"
      ? `${l.employeeName}\u0000${l.dateOfService}`
      : `${l.dateOfService}\u0000${l.employeeName}`;
  const lines = [...c.lines].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  page.table(
    c.profile.columns.map((col) => columnSpec[col]),
    lines.map((l) => c.profile.columns.map((col) => cell(col, l))),
  );
  page.gap(4);
  const pairs: Array<[string, string]> = [["Total", money(c.totalCents)]];
  for (const a of c.activity) {
    const label =
      a.kind === "credit_memo" ? `Credit ${a.reference} (${a.on})` : `Payment ${a.reference} (${a.on})`;
    pairs.push([label, money(-a.amountCents)]);
  }
  if (c.kind !== "credit_memo") pairs.push(["Amount due", money(c.amountDueCents)]);
  page.totals(pairs);
  return page.finish();
};
