import { type AppointmentStatus, appointmentStatuses, appointmentStatusLabel } from "@billcycle/core";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Button } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import {
  clientName,
  type Directory,
  locationName,
  providerName,
  useDirectory,
  useDirectoryOptions,
} from "../../api/directory";
import type { Appointment, AppointmentSort } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, sortParam, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { ComboField, SelectField, TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { AppointmentStatusBadge } from "../../components/status";
import { formatLocalDate, formatTime, type PracticeDisplay, todayIn } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { asksBillingState, BillingState } from "./BillingState";
import { SessionCalendar } from "./SessionCalendar";
import { SignatureRequests } from "./SignatureRequests";
import { StatusActions } from "./StatusActions";
import {
  type SessionBillingState,
  type SessionFilters,
  useBillingStates,
  useSessionsPage,
} from "./sessions-api";

const statusOptions = [
  { id: "all", label: "All statuses" },
  ...appointmentStatuses.map((s) => ({ id: s, label: appointmentStatusLabel[s] })),
];

const billedOptions = [
  { id: "any", label: "Billed or not" },
  { id: "no", label: "Not billed" },
  { id: "yes", label: "Billed" },
] as const;

/** Columns the API sorts by (column id → API sort key); newest first unless the URL says otherwise. */
const SESSION_SORTS: Record<string, AppointmentSort> = { when: "startsAt" };
const DEFAULT_SORT: AppointmentSort = "-startsAt";

export const sessionLabel = (a: Appointment, d: Directory | undefined, display: PracticeDisplay) =>
  `${clientName(d, a.clientId)} on ${formatLocalDate(a.dateOfService, display)}`;

const columns = (
  practiceId: string,
  display: PracticeDisplay,
  today: string,
  directory: Directory | undefined,
  canChange: boolean,
  billing: { states: Map<string, SessionBillingState> | undefined; failed: boolean },
): ColumnDef<Appointment>[] => [
  {
    id: "when",
    header: "Date",
    accessorFn: (a) => a.startsAt,
    cell: ({ row: { original: a } }) => (
      <span className="nowrap">
        {formatLocalDate(a.dateOfService, display)} · {formatTime(a.startsAt, display)}
      </span>
    ),
  },
  {
    id: "client",
    header: "Client",
    accessorFn: (a) => clientName(directory, a.clientId),
    cell: ({ row: { original: a } }) => (
      <Link
        to={`/p/${practiceId}/sessions/${a.id}`}
        aria-label={`Session: ${sessionLabel(a, directory, display)}`}
      >
        {clientName(directory, a.clientId)}
      </Link>
    ),
  },
  { id: "provider", header: "Provider", accessorFn: (a) => providerName(directory, a.providerId) },
  { id: "location", header: "Location", accessorFn: (a) => locationName(directory, a.locationId) },
  {
    id: "status",
    header: "Status",
    accessorFn: (a) => appointmentStatusLabel[a.status],
    cell: ({ row: { original: a } }) => <AppointmentStatusBadge status={a.status} />,
  },
  {
    id: "billing",
    header: "Billing",
    enableSorting: false,
    cell: ({ row: { original: a } }) =>
      a.dateOfService <= today ? (
        <BillingState status={a.status} state={billing.states?.get(a.id)} failed={billing.failed} />
      ) : (
        <span className="muted">—</span>
      ),
  },
  ...(canChange
    ? [
        {
          id: "actions",
          header: () => <span className="visually-hidden">Actions</span>,
          enableSorting: false,
          cell: ({ row: { original: a } }) => (
            <StatusActions
              id={a.id}
              status={a.status}
              label={sessionLabel(a, directory, display)}
              variant="menu"
            />
          ),
        } satisfies ColumnDef<Appointment>,
      ]
    : []),
];

const param = (p: URLSearchParams, k: string) => p.get(k) || undefined;

/** Sessions: a week calendar and a server-paginated, filtered list; past sessions show their billing state. */
export const SessionsPage = () => {
  const { practiceId, timeZone, can, display } = usePractice();
  const [params] = useSearchParams();
  const directory = useDirectory(practiceId);
  const view = params.get("view") === "calendar" ? "calendar" : "list";
  const today = todayIn(timeZone);
  const filters: SessionFilters = {
    status: param(params, "status") as AppointmentStatus | undefined,
    providerId: param(params, "provider"),
    clientId: param(params, "client"),
    from: param(params, "from"),
    to: param(params, "to"),
    billed: (["yes", "no"] as const).find((b) => b === params.get("billed")),
    sort: sortParam(params.get("sort"), SESSION_SORTS) ?? DEFAULT_SORT,
  };
  // "Not billed" means what is left to bill: sessions up to today, not the weeks booked ahead.
  if (filters.billed === "no" && (!filters.to || filters.to > today)) filters.to = today;
  const filterKey = JSON.stringify(filters);
  const pagination = useCursorPagination(filterKey);
  const page = useSessionsPage(practiceId, filters, pagination.cursor, pagination.pageSize);
  const rows = page.data?.data;
  // One request for the page's billing states (past sessions that can be billed), not one per row.
  const billable = useMemo(
    () => (rows ?? []).filter((a) => a.dateOfService <= today && asksBillingState(a.status)).map((a) => a.id),
    [rows, today],
  );
  const states = useBillingStates(practiceId, billable);
  const cols = useMemo(
    () =>
      columns(practiceId, display, today, directory.data, can("clients:write"), {
        states: states.data,
        failed: states.isError,
      }),
    [practiceId, display, today, directory.data, can, states.data, states.isError],
  );

  const update = useUpdateParams();
  const set = (key: string, value: string | null | undefined) => update({ [key]: value });

  const options = useDirectoryOptions(directory.data);
  const providerOptions = useMemo(
    () => [{ id: "all", label: "All providers" }, ...options.providers],
    [options.providers],
  );
  const clientOptions = options.clients;

  return (
    <>
      <PageHeader
        title="Sessions"
        description={`Times in practice time (${timeZone}). Past sessions show whether they were billed, and why not.`}
        actions={
          <nav aria-label="Sessions view" className="segmented">
            <Link to="?view=list" aria-current={view === "list" ? "page" : undefined}>
              List
            </Link>
            <Link to="?view=calendar" aria-current={view === "calendar" ? "page" : undefined}>
              Calendar
            </Link>
          </nav>
        }
      />
      <SignatureRequests />
      <search className="filters" aria-label="Filter sessions">
        <SelectField
          label="Provider"
          options={providerOptions}
          value={filters.providerId ?? "all"}
          onChange={(v) => set("provider", v === "all" ? null : v)}
        />
        {view === "list" ? (
          <>
            <SelectField
              label="Status"
              options={statusOptions}
              value={filters.status ?? "all"}
              onChange={(v) => set("status", v === "all" ? null : v)}
            />
            <ComboField
              label="Client"
              placeholder="Any client"
              options={clientOptions}
              value={filters.clientId ?? null}
              onChange={(v) => set("client", v)}
            />
            <SelectField
              label="Billing"
              options={billedOptions}
              value={filters.billed ?? "any"}
              onChange={(v) => set("billed", v === "any" ? null : v)}
            />
            <TextInput label="From" type="date" value={filters.from ?? ""} onChange={(v) => set("from", v)} />
            <TextInput label="To" type="date" value={params.get("to") ?? ""} onChange={(v) => set("to", v)} />
            {filters.status ||
            filters.clientId ||
            filters.from ||
            params.get("to") ||
            filters.providerId ||
            filters.billed ? (
              <Button
                className="btn btn-quiet"
                onPress={() =>
                  update({ status: null, client: null, from: null, to: null, provider: null, billed: null })
                }
              >
                Clear filters
              </Button>
            ) : null}
          </>
        ) : null}
      </search>
      {view === "calendar" ? (
        <SessionCalendar providerId={filters.providerId} directory={directory.data} />
      ) : page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Sessions"
            captionHidden
            columns={cols}
            data={page.data?.data ?? []}
            getRowId={(a) => a.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No sessions match these filters."}
            serverSort={{
              keys: SESSION_SORTS,
              sort: filters.sort,
              // Newest first is the default, so a press past it goes to oldest first rather than back to it.
              onSortChange: (sort) => set("sort", sort ?? "startsAt"),
            }}
          />
          <Pager
            label="Sessions"
            pagination={pagination}
            rowsOnPage={page.data?.data.length ?? 0}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
    </>
  );
};
