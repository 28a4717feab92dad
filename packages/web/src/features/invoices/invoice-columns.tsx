import { invoicePaymentStatusLabel, invoiceStatusLabel } from "@billcycle/core";
import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import { clientName, type Directory } from "../../api/directory";
import type { Invoice } from "../../api/models";
import { InvoiceStatusBadge, PaymentStatusBadge } from "../../components/status";
import { formatCents, formatLocalDate, type PracticeDisplay } from "../../lib/format";
import { balanceCents } from "./invoices-api";

const sourceLabel: Record<Invoice["source"], string> = {
  nightly: "Nightly",
  monthly: "Monthly",
  manual: "Review",
  on_kept: "On Kept",
  user: "By hand",
};

const money = (pick: (i: Invoice) => number, header: string, id: string): ColumnDef<Invoice> => ({
  id,
  header,
  accessorFn: pick,
  cell: ({ row }) => formatCents(pick(row.original)),
  meta: { align: "right" },
});

export const invoiceColumns = (
  practiceId: string,
  directory: Directory | undefined,
  display: PracticeDisplay,
): ColumnDef<Invoice>[] => [
  {
    id: "number",
    header: "Invoice",
    accessorFn: (i) => i.number,
    cell: ({ row: { original: i } }) => <Link to={`/p/${practiceId}/invoices/${i.id}`}>{i.number}</Link>,
  },
  {
    id: "date",
    header: "Date",
    accessorFn: (i) => i.invoiceDate,
    cell: ({ row }) => <span className="nowrap">{formatLocalDate(row.original.invoiceDate, display)}</span>,
  },
  { id: "client", header: "Client", accessorFn: (i) => clientName(directory, i.clientId) },
  {
    id: "status",
    header: "Status",
    accessorFn: (i) => invoiceStatusLabel[i.status],
    cell: ({ row }) => <InvoiceStatusBadge status={row.original.status} />,
  },
  {
    id: "paymentStatus",
    header: "Payment",
    accessorFn: (i) => invoicePaymentStatusLabel[i.paymentStatus],
    cell: ({ row }) => <PaymentStatusBadge status={row.original.paymentStatus} />,
  },
  {
    id: "paysBy",
    header: "Pays by",
    accessorFn: (i) => (i.paysBy === "self_pay" ? "Self-pay" : "Insurance"),
  },
  { id: "source", header: "Created", accessorFn: (i) => sourceLabel[i.source] ?? i.source },
  money((i) => i.totalCents, "Total", "total"),
  money((i) => i.insuranceCents, "Insurance", "insurance"),
  // "Client share", not a second "Client" column beside the client's name.
  money((i) => i.clientCents, "Client share", "clientPart"),
  money(balanceCents, "Balance", "balance"),
];
