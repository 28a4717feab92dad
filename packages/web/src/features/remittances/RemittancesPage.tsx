import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { SelectField } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { formatCents, formatLocalDate, type PracticeDisplay } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { ImportEra } from "./ImportEra";
import { headlineImbalance, RemittanceStatusBadge, RemittanceTabs, remittanceStatusLabel } from "./labels";
import { type Remittance, type RemittanceStatus, useRemittancesPage } from "./remittances-api";

/** "Balanced", or "Out of balance by $12.00". */
export const BalanceCheck = ({ remittance }: { remittance: Remittance }) => {
  if (remittance.balanced) return <Badge tone="success">Balanced</Badge>;
  const off = headlineImbalance(remittance.imbalances);
  return (
    <Badge tone="danger">
      {off ? `Out of balance by ${formatCents(Math.abs(off.differenceCents))}` : "Out of balance"}
    </Badge>
  );
};

const columns = (practiceId: string, display: PracticeDisplay): ColumnDef<Remittance>[] => [
  {
    id: "payer",
    header: "Payer",
    accessorFn: (r) => r.payerName,
    cell: ({ row: { original: r } }) => (
      <Link
        to={`/p/${practiceId}/remittances/${r.id}`}
        aria-label={`Remittance ${r.traceNumber} from ${r.payerName}`}
      >
        {r.payerName}
      </Link>
    ),
  },
  {
    id: "trace",
    header: "Check / EFT trace",
    accessorFn: (r) => r.traceNumber,
    cell: ({ row }) => <span className="mono">{row.original.traceNumber}</span>,
  },
  {
    id: "date",
    header: "Payment date",
    accessorFn: (r) => r.paymentDate ?? "",
    cell: ({ row }) => formatLocalDate(row.original.paymentDate, display),
  },
  {
    id: "paid",
    header: "Paid",
    accessorFn: (r) => r.totalPaidCents,
    cell: ({ row }) => formatCents(row.original.totalPaidCents),
    meta: { align: "right" },
  },
  { id: "claims", header: "Claims", accessorFn: (r) => r.claimCount, meta: { align: "right" } },
  {
    id: "balance",
    header: "Balance check",
    accessorFn: (r) => (r.balanced ? 0 : 1),
    cell: ({ row }) => <BalanceCheck remittance={row.original} />,
  },
  {
    id: "status",
    header: "Status",
    accessorFn: (r) => remittanceStatusLabel[r.status],
    cell: ({ row }) => <RemittanceStatusBadge status={row.original.status} />,
  },
];

const statusOptions = [
  { id: "all", label: "All statuses" },
  ...(Object.keys(remittanceStatusLabel) as RemittanceStatus[]).map((s) => ({
    id: s,
    label: remittanceStatusLabel[s],
  })),
];

/** Imported 835s, a server page at a time, filtered by posting status; with the upload of a new one. */
export const RemittancesPage = () => {
  const { practiceId, can, display } = usePractice();
  const [params] = useSearchParams();
  const filters = { status: (params.get("status") || undefined) as RemittanceStatus | undefined };
  const pagination = useCursorPagination(JSON.stringify(filters));
  const page = useRemittancesPage(practiceId, filters, pagination.cursor, pagination.pageSize);
  const cols = useMemo(() => columns(practiceId, display), [practiceId, display]);
  const update = useUpdateParams();
  return (
    <>
      <PageHeader
        title="Remittances"
        actions={<RemittanceTabs />}
        description="Electronic remittances (835s) from payers: what they paid, whether their totals balance, and how they posted."
      />
      {can("billing:write") ? <ImportEra /> : null}
      <search className="filters" aria-label="Filter remittances">
        <SelectField
          label="Status"
          options={statusOptions}
          value={filters.status ?? "all"}
          onChange={(v) => update({ status: v === "all" ? null : v })}
        />
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Remittances"
            captionHidden
            columns={cols}
            data={page.data?.data ?? []}
            getRowId={(r) => r.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No remittances match."}
          />
          <Pager
            label="Remittances"
            pagination={pagination}
            rowsOnPage={page.data?.data.length ?? 0}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
    </>
  );
};
