import { type ClaimStage, claimStageLabel, claimStages } from "@billcycle/core";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import {
  clientName,
  type Directory,
  payerName,
  useDirectory,
  useDirectoryOptions,
} from "../../api/directory";
import type { Claim, ClaimSort } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, sortParam, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { ComboField, SelectField, TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { ClaimStatusBadge } from "../../components/status";
import { formatCents, formatLocalDate, type PracticeDisplay } from "../../lib/format";
import { useSearchText, useUpdateParams } from "../../lib/url";
import { useClaimsPage } from "./claims-api";
import { SubmitNow } from "./SubmitNow";

const columns = (
  practiceId: string,
  d: Directory | undefined,
  display: PracticeDisplay,
): ColumnDef<Claim>[] => [
  {
    id: "pcn",
    header: "Claim",
    accessorFn: (c) => c.patientControlNumber,
    cell: ({ row: { original: c } }) => (
      <Link to={`/p/${practiceId}/claims/${c.id}`}>{c.patientControlNumber}</Link>
    ),
  },
  {
    id: "status",
    header: "Status",
    accessorFn: (c) => claimStageLabel[c.stage],
    cell: ({ row }) => <ClaimStatusBadge status={row.original.stage} />,
  },
  { id: "client", header: "Client", accessorFn: (c) => clientName(d, c.clientId) },
  { id: "payer", header: "Payer", accessorFn: (c) => `${payerName(d, c.payerId)} (${c.payerRank})` },
  {
    id: "dos",
    header: "Service dates",
    accessorFn: (c) => c.lines[0]?.dateOfService ?? "",
    cell: ({ row: { original: c } }) => {
      const dates = c.lines.map((l) => l.dateOfService).sort();
      return dates.length > 1 && dates[0] !== dates.at(-1)
        ? `${formatLocalDate(dates[0], display, "short")} – ${formatLocalDate(dates.at(-1), display, "short")}`
        : formatLocalDate(dates[0], display);
    },
  },
  {
    id: "total",
    header: "Charge",
    accessorFn: (c) => c.totalCents,
    cell: ({ row }) => formatCents(row.original.totalCents),
    meta: { align: "right" },
  },
  {
    id: "paid",
    header: "Paid",
    accessorFn: (c) => c.paidCents,
    cell: ({ row }) => formatCents(row.original.paidCents),
    meta: { align: "right" },
  },
];

const statusOptions = [
  { id: "all", label: "All statuses" },
  ...claimStages.map((s) => ({ id: s, label: claimStageLabel[s] })),
];

/** Columns the API sorts by (column id → API sort key), across every page. */
const CLAIM_SORTS: Record<string, ClaimSort> = {
  pcn: "patientControlNumber",
  status: "status",
  total: "totalCents",
  paid: "paidCents",
};

/** All claims, filtered by status and client on the server and sorted there, a page at a time. */
export const ClaimsListPage = () => {
  const { practiceId, display } = usePractice();
  const directory = useDirectory(practiceId);
  const [params] = useSearchParams();
  const search = useSearchText("q");
  const filters = {
    search: search.value,
    stage: (params.get("status") || undefined) as ClaimStage | undefined,
    clientId: params.get("client") || undefined,
    sort: sortParam(params.get("sort"), CLAIM_SORTS),
  };
  const pagination = useCursorPagination(JSON.stringify(filters));
  const page = useClaimsPage(practiceId, filters, pagination.cursor, pagination.pageSize);
  const cols = useMemo(
    () => columns(practiceId, directory.data, display),
    [practiceId, directory.data, display],
  );
  const update = useUpdateParams();
  const set = (k: string, v: string | null) => update({ [k]: v });
  const { clients: clientOptions } = useDirectoryOptions(directory.data);
  return (
    <>
      <PageHeader
        title={filters.stage ? `${claimStageLabel[filters.stage]} claims` : "All claims"}
        crumbs={[{ label: "Claims", href: `/p/${practiceId}/claims` }, { label: "List" }]}
        actions={<SubmitNow />}
      />
      <search className="filters" aria-label="Filter claims">
        <TextInput
          label="Search"
          type="search"
          value={search.text}
          onChange={search.setText}
          placeholder="Claim number or client name"
        />
        <SelectField
          label="Status"
          options={statusOptions}
          value={filters.stage ?? "all"}
          onChange={(v) => set("status", v === "all" ? null : v)}
        />
        <ComboField
          label="Client"
          placeholder="Any client"
          options={clientOptions}
          value={filters.clientId ?? null}
          onChange={(v) => set("client", v)}
        />
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Claims"
            captionHidden
            columns={cols}
            data={page.data?.data ?? []}
            getRowId={(c) => c.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No claims match."}
            serverSort={{
              keys: CLAIM_SORTS,
              sort: filters.sort,
              onSortChange: (sort) => set("sort", sort ?? null),
            }}
          />
          <Pager
            label="Claims"
            pagination={pagination}
            rowsOnPage={page.data?.data.length ?? 0}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
    </>
  );
};
