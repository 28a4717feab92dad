import {
  type InvoicePaymentStatus,
  type InvoiceStatus,
  invoicePaymentStatuses,
  invoicePaymentStatusLabel,
  invoiceStatuses,
  invoiceStatusLabel,
} from "@billcycle/core";
import { useMemo } from "react";
import { Button } from "react-aria-components";
import { useSearchParams } from "react-router";
import { useDirectory, useDirectoryOptions } from "../../api/directory";
import type { InvoiceSort } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { AmountFilter } from "../../components/amount-filter";
import { DataTable, Pager, sortParam, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { ComboField, SelectField, TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { useSearchText, useUpdateParams } from "../../lib/url";
import { InvoiceTabs } from "./InvoiceTabs";
import { invoiceColumns } from "./invoice-columns";
import { type InvoiceFilters, useInvoicesPage } from "./invoices-api";

const statusOptions = [
  { id: "all", label: "All statuses" },
  ...invoiceStatuses.map((s) => ({ id: s, label: invoiceStatusLabel[s] })),
];

const paymentOptions = [
  { id: "all", label: "Any payment" },
  ...invoicePaymentStatuses.map((s) => ({ id: s, label: invoicePaymentStatusLabel[s] })),
];

const cents = (v: string | null): number | undefined => {
  if (v === null || v === "" || !/^\d+$/.test(v)) return undefined;
  return Number(v);
};

/** Amount bounds typed in dollars, applied together (so typing does not send a request per keystroke). */

/** Columns the API sorts by (column id → API sort key), across every page. */
const INVOICE_SORTS: Record<string, InvoiceSort> = {
  number: "number",
  date: "invoiceDate",
  status: "status",
  total: "totalCents",
};

/** Invoices: server-side filters (status, client, provider, date range, amount) and cursor pages; fast at any size. */
export const InvoicesPage = () => {
  const { practiceId, display } = usePractice();
  const [params, setParams] = useSearchParams();
  const directory = useDirectory(practiceId);
  const numberSearch = useSearchText("number");
  const filters: InvoiceFilters = {
    number: numberSearch.value,
    status: (params.get("status") || undefined) as InvoiceStatus | undefined,
    paymentStatus: (params.get("payment") || undefined) as InvoicePaymentStatus | undefined,
    clientId: params.get("client") || undefined,
    providerId: params.get("provider") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    minCents: cents(params.get("min")),
    maxCents: cents(params.get("max")),
    sort: sortParam(params.get("sort"), INVOICE_SORTS),
  };
  const pagination = useCursorPagination(JSON.stringify(filters));
  const page = useInvoicesPage(practiceId, filters, pagination.cursor, pagination.pageSize);
  const columns = useMemo(
    () => invoiceColumns(practiceId, directory.data, display),
    [practiceId, directory.data, display],
  );
  const set = useUpdateParams();
  const { clients: clientOptions, providers: providerOptions } = useDirectoryOptions(directory.data);
  const anyFilter = Object.entries(filters).some(([k, v]) => k !== "sort" && v !== undefined);

  return (
    <>
      <PageHeader title="Invoices" actions={<InvoiceTabs />} />
      <search className="filters" aria-label="Filter invoices">
        <TextInput
          label="Invoice number"
          type="search"
          value={numberSearch.text}
          onChange={numberSearch.setText}
          placeholder="INV-1042"
        />
        <SelectField
          label="Status"
          options={statusOptions}
          value={filters.status ?? "all"}
          onChange={(v) => set({ status: v === "all" ? null : v })}
        />
        <SelectField
          label="Payment"
          options={paymentOptions}
          value={filters.paymentStatus ?? "all"}
          onChange={(v) => set({ payment: v === "all" ? null : v })}
        />
        <ComboField
          label="Client"
          placeholder="Any client"
          options={clientOptions}
          value={filters.clientId ?? null}
          onChange={(v) => set({ client: v })}
        />
        <ComboField
          label="Provider"
          placeholder="Any provider"
          options={providerOptions}
          value={filters.providerId ?? null}
          onChange={(v) => set({ provider: v })}
        />
        <TextInput label="From" type="date" value={filters.from ?? ""} onChange={(v) => set({ from: v })} />
        <TextInput label="To" type="date" value={filters.to ?? ""} onChange={(v) => set({ to: v })} />
        <AmountFilter
          label="Amount"
          noun="total"
          key={`${filters.minCents}-${filters.maxCents}`}
          min={filters.minCents}
          max={filters.maxCents}
          onApply={(min, max) =>
            set({ min: min === null ? null : String(min), max: max === null ? null : String(max) })
          }
        />
        {anyFilter ? (
          <Button
            className="btn btn-quiet"
            onPress={() => {
              numberSearch.setText("");
              setParams({}, { replace: true });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Invoices"
            captionHidden
            columns={columns}
            data={page.data?.data ?? []}
            getRowId={(i) => i.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No invoices match these filters."}
            serverSort={{
              keys: INVOICE_SORTS,
              sort: filters.sort,
              onSortChange: (sort) => set({ sort: sort ?? null }),
            }}
          />
          <Pager
            label="Invoices"
            pagination={pagination}
            rowsOnPage={page.data?.data.length ?? 0}
            nextCursor={page.data?.nextCursor}
            total={page.data?.total}
          />
        </>
      )}
    </>
  );
};
