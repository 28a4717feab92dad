import {
  type OutreachAction,
  type OutreachSetStatus,
  outreachActions,
  outreachSetStatuses,
} from "@billcycle/core";
import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Checkbox, Menu, MenuItem, MenuTrigger, Popover, ToggleButton } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { AmountFilter } from "../../components/amount-filter";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { MultiSelectField, SelectField, TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { OutreachStatusBadge } from "../../components/status";
import { endOfDayIn, formatCents, formatInstant, formatInstantDate, startOfDayIn } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { useDebounced } from "../../lib/use-debounced";
import { InvoiceTabs } from "../invoices/InvoiceTabs";
import { type ActionOutcome, OutreachActionDialog, patientName } from "./OutreachActionDialog";
import { OutreachTimeline } from "./OutreachTimeline";
import {
  downloadCollectionsCsv,
  type OutreachFilters,
  type OutreachMetrics,
  type OutreachSet,
  useOutreachMetrics,
  useOutreachSets,
  useRuleSets,
} from "./outreach-api";
import { outreachActionLabel, outreachSetStatusLabel } from "./outreach-words";

/** The four cards of the seed: sets needing attention, counted over the whole practice (not the filters). */
const METRICS: ReadonlyArray<{ status: OutreachSetStatus; count: keyof OutreachMetrics; hint: string }> = [
  { status: "failed", count: "failed", hint: "could not be delivered" },
  { status: "expired", count: "expired", hint: "every step sent, balance remains" },
  { status: "paused", count: "paused", hint: "outreach paused by hand" },
  { status: "will_fail", count: "willFail", hint: "next message predicted to fail" },
];

const statusOptions = outreachSetStatuses.map((s) => ({ id: s, label: outreachSetStatusLabel[s] }));

const isStatus = (s: string): s is OutreachSetStatus =>
  (outreachSetStatuses as readonly string[]).includes(s);
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
const cents = (v: string | null): number | undefined => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The filters as the URL keeps them (dates are the practice's calendar days; amounts in cents). */
type UrlFilters = {
  q?: string | undefined;
  status: OutreachSetStatus[];
  min?: number | undefined;
  max?: number | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  sendFrom?: string | undefined;
  sendTo?: string | undefined;
  ruleSet?: string | undefined;
};

const readFilters = (params: URLSearchParams): UrlFilters => {
  const date = (k: string) => {
    const v = params.get(k);
    return isDate(v) ? v : undefined;
  };
  return {
    q: params.get("q")?.trim() || undefined,
    status: (params.get("status") ?? "").split(",").filter(isStatus),
    min: cents(params.get("min")),
    max: cents(params.get("max")),
    createdFrom: date("createdFrom"),
    createdTo: date("createdTo"),
    sendFrom: date("sendFrom"),
    sendTo: date("sendTo"),
    ruleSet: params.get("ruleSet") || undefined,
  };
};

/** The API's query: calendar days become the instants they span in the practice's zone. */
const apiFilters = (f: UrlFilters, timeZone: string): OutreachFilters => ({
  search: f.q,
  status: f.status.length ? f.status : undefined,
  minAmountCents: f.min,
  maxAmountCents: f.max,
  createdFrom: f.createdFrom ? startOfDayIn(f.createdFrom, timeZone) : undefined,
  createdTo: f.createdTo ? endOfDayIn(f.createdTo, timeZone) : undefined,
  nextSendFrom: f.sendFrom ? startOfDayIn(f.sendFrom, timeZone) : undefined,
  nextSendTo: f.sendTo ? endOfDayIn(f.sendTo, timeZone) : undefined,
  ruleSetId: f.ruleSet,
});

const MetricCards = ({
  metrics,
  selected,
  onPick,
}: {
  metrics: OutreachMetrics | undefined;
  selected: OutreachSetStatus[];
  onPick: (status: OutreachSetStatus | null) => void;
}) => (
  <section aria-label="Invoice metrics" className="metric-cards">
    {METRICS.map((m) => {
      const on = selected.length === 1 && selected[0] === m.status;
      const n = metrics?.[m.count];
      return (
        <ToggleButton
          key={m.status}
          className={`metric-card metric-${m.status}`}
          isSelected={on}
          onChange={(next) => onPick(next ? m.status : null)}
          aria-label={`${outreachSetStatusLabel[m.status]}: ${n ?? "counting"}`}
        >
          <span className="metric-count" aria-busy={n === undefined || undefined}>
            {n ?? "–"}
          </span>
          <span className="metric-label">{outreachSetStatusLabel[m.status]}</span>
          <span className="metric-hint">{m.hint}</span>
        </ToggleButton>
      );
    })}
  </section>
);

/** Amount bounds typed in dollars, applied together (the API takes cents). */

const RowActions = ({
  set,
  onAction,
}: {
  set: OutreachSet;
  onAction: (set: OutreachSet, action: OutreachAction) => void;
}) => {
  // Only what the set's status allows (the API's list, in the seed's order); a finished set has none.
  const allowed = outreachActions.filter((a) => set.actions.includes(a));
  if (allowed.length === 0) return null;
  return (
    <MenuTrigger>
      <Button className="btn btn-small" aria-label={`Actions for ${patientName(set)}`}>
        Actions ▾
      </Button>
      <Popover className="popover">
        <Menu className="menu" onAction={(key) => onAction(set, String(key) as OutreachAction)}>
          {allowed.map((a) => (
            <MenuItem key={a} id={a} className="menu-item">
              {outreachActionLabel[a]}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
};

const CollectionsExport = () => {
  const { practiceId } = usePractice();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button
        className="btn"
        isPending={busy}
        onPress={async () => {
          setBusy(true);
          setProblem(null);
          try {
            await downloadCollectionsCsv(practiceId);
          } catch (e) {
            setProblem(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Export collections CSV
      </Button>
      {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
    </>
  );
};

type Pending = { action: OutreachAction; sets: OutreachSet[]; bulk: boolean };

/**
 * Billing › Invoice Management: patient outreach for outstanding balances. Four metric cards (clicking one filters
 * to its status), the invoice sets with every filter applied by the API and kept in the URL, each row's actions
 * as its status allows, bulk actions on the selected rows, and a row's Invoice Timeline under it.
 */
export const InvoiceManagementPage = () => {
  const { practiceId, timeZone, can, display } = usePractice();
  const [params, setParams] = useSearchParams();
  const set = useUpdateParams();
  const url = readFilters(params);
  const filters = apiFilters(url, timeZone);
  const filterKey = JSON.stringify(url);
  const pagination = useCursorPagination(filterKey);
  const page = useOutreachSets(practiceId, filters, pagination.cursor, pagination.pageSize);
  const metrics = useOutreachMetrics(practiceId);
  const ruleSets = useRuleSets(practiceId);
  const canWrite = can("billing:write");

  const [text, setText] = useState(params.get("q") ?? "");
  const typed = useDebounced(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL follows what was typed, once settled
  useEffect(() => {
    if (typed !== (params.get("q") ?? "")) set({ q: typed || null });
  }, [typed]);

  const [selection, setSelection] = useState<RowSelectionState>({});
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  // A selection belongs to the rows it was made on: another filter or page starts with none.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new filter or page only
  useEffect(() => setSelection({}), [filterKey, pagination.cursor]);

  const rows = page.data?.items ?? [];
  const selected = rows.filter((r) => selection[r.id]);
  const toggleDetails = useCallback(
    (id: string) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const start = useCallback((action: OutreachAction, sets: OutreachSet[], bulk: boolean) => {
    setOutcome(null);
    setPending({ action, sets, bulk });
  }, []);

  const columns = useMemo<ColumnDef<OutreachSet>[]>(
    () => [
      ...(canWrite
        ? [
            {
              id: "select",
              enableSorting: false,
              header: ({ table }) => (
                <Checkbox
                  className="checkbox"
                  aria-label="Select all invoice sets on this page"
                  isSelected={table.getIsAllRowsSelected()}
                  isIndeterminate={table.getIsSomeRowsSelected()}
                  onChange={(v) => table.toggleAllRowsSelected(v)}
                >
                  <span className="checkbox-box" aria-hidden="true" />
                </Checkbox>
              ),
              cell: ({ row }) => (
                <Checkbox
                  className="checkbox"
                  aria-label={`Select ${patientName(row.original)}`}
                  isSelected={row.getIsSelected()}
                  onChange={(v) => row.toggleSelected(v)}
                >
                  <span className="checkbox-box" aria-hidden="true" />
                </Checkbox>
              ),
            } satisfies ColumnDef<OutreachSet>,
          ]
        : []),
      {
        id: "status",
        header: "Status",
        enableSorting: false,
        cell: ({ row }) => <OutreachStatusBadge status={row.original.status} />,
      },
      {
        id: "amount",
        header: "Amount outstanding",
        enableSorting: false,
        meta: { align: "right" },
        cell: ({ row }) => formatCents(row.original.amountOutstandingCents),
      },
      {
        id: "patient",
        header: "Patient",
        enableSorting: false,
        cell: ({ row }) => {
          const s = row.original;
          const q = new URLSearchParams({ tab: "billing", take: "payment" });
          if (s.amountOutstandingCents > 0) q.set("amount", String(s.amountOutstandingCents));
          return (
            <div className="patient-cell">
              <span className="patient-name">{patientName(s)}</span>
              <span className="patient-contact">
                <span className="muted">{s.patient.phone ?? "No phone"}</span>
                {canWrite && s.amountOutstandingCents > 0 ? (
                  <Link
                    to={`/p/${practiceId}/clients/${s.patient.clientId}?${q}`}
                    aria-label={`Take Payment from ${patientName(s)}`}
                  >
                    Take Payment
                  </Link>
                ) : null}
              </span>
            </div>
          );
        },
      },
      {
        id: "nextSend",
        header: "Next send",
        enableSorting: false,
        cell: ({ row }) => {
          const s = row.original;
          return (
            <>
              {s.nextSendAt ? (
                formatInstant(s.nextSendAt, display)
              ) : (
                <span className="muted">Not scheduled</span>
              )}
              {s.willFailReasons.length ? (
                <span className="cell-note">{s.willFailReasons.map((r) => r.message).join("; ")}</span>
              ) : null}
            </>
          );
        },
      },
      {
        id: "ruleSet",
        header: "Rule set",
        enableSorting: false,
        cell: ({ row }) => (
          <>
            {row.original.ruleSet.name}
            <span className="cell-note">
              Step {Math.min(row.original.stepIndex + 1, row.original.stepCount)} of {row.original.stepCount}
            </span>
          </>
        ),
      },
      {
        id: "created",
        header: "Created",
        enableSorting: false,
        cell: ({ row }) => (
          <time
            className="nowrap"
            dateTime={row.original.createdAt}
            title={formatInstant(row.original.createdAt, display)}
          >
            {formatInstantDate(row.original.createdAt, display)}
          </time>
        ),
      },
      {
        id: "actions",
        header: "Actions",
        enableSorting: false,
        cell: ({ row }) => {
          const s = row.original;
          const open = expanded.has(s.id);
          return (
            <div className="row-actions set-actions">
              <Button
                className="btn btn-small btn-quiet"
                aria-expanded={open}
                aria-label={`${open ? "Hide" : "Show"} details of ${patientName(s)}`}
                onPress={() => toggleDetails(s.id)}
              >
                {open ? "Hide Details" : "Show Details"}
              </Button>
              {canWrite ? <RowActions set={s} onAction={(x, a) => start(a, [x], false)} /> : null}
            </div>
          );
        },
      },
    ],
    [canWrite, practiceId, display, expanded, toggleDetails, start],
  );

  const anyFilter = Object.entries(url).some(([k, v]) =>
    k === "status" ? url.status.length > 0 : v !== undefined,
  );
  const ruleSetOptions = [
    { id: "any", label: "Any rule set" },
    ...(ruleSets.data ?? []).map((r) => ({ id: r.id, label: r.name })),
  ];

  return (
    <>
      <PageHeader
        title="Invoice Management"
        crumbs={[{ label: "Billing" }, { label: "Invoice Management" }]}
        description="Automated patient outreach for outstanding balances: each row is a patient's invoice set and the messages chasing it."
        actions={
          <>
            <InvoiceTabs />
            <CollectionsExport />
          </>
        }
      />
      {metrics.isError ? <ErrorAlert error={metrics.error} /> : null}
      <MetricCards
        metrics={metrics.data}
        selected={url.status}
        onPick={(status) => set({ status: status ?? null })}
      />
      <search className="filters" aria-label="Filter invoice sets">
        <TextInput
          label="Search"
          type="search"
          value={text}
          onChange={setText}
          placeholder="Name, phone or ID"
        />
        <MultiSelectField
          label="Status"
          options={statusOptions}
          value={url.status}
          onChange={(v) => set({ status: v.join(",") || null })}
          placeholder="Any status"
          className="status-filter"
        />
        <AmountFilter
          label="Amount outstanding"
          noun="amount"
          key={`${url.min}-${url.max}`}
          min={url.min}
          max={url.max}
          onApply={(min, max) =>
            set({ min: min === null ? null : String(min), max: max === null ? null : String(max) })
          }
        />
        <TextInput
          label="Created from"
          type="date"
          value={url.createdFrom ?? ""}
          onChange={(v) => set({ createdFrom: v })}
        />
        <TextInput
          label="Created to"
          type="date"
          value={url.createdTo ?? ""}
          onChange={(v) => set({ createdTo: v })}
        />
        <TextInput
          label="Next send from"
          type="date"
          value={url.sendFrom ?? ""}
          onChange={(v) => set({ sendFrom: v })}
        />
        <TextInput
          label="Next send to"
          type="date"
          value={url.sendTo ?? ""}
          onChange={(v) => set({ sendTo: v })}
        />
        <SelectField
          label="Rule set"
          options={ruleSetOptions}
          value={url.ruleSet ?? "any"}
          onChange={(v) => set({ ruleSet: v === "any" ? null : v })}
        />
        {anyFilter ? (
          <Button
            className="btn btn-quiet"
            onPress={() => {
              setText("");
              setParams({}, { replace: true });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </search>
      {outcome ? (
        <div role="status" className={`alert ${outcome.skipped.length ? "alert-info" : "alert-success"}`}>
          <p>{outcome.summary}</p>
          {outcome.skipped.length ? (
            <ul aria-label="Skipped">
              {outcome.skipped.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {canWrite && selected.length > 0 ? (
        <div role="toolbar" aria-label="Bulk actions" className="bulk-bar">
          <span className="bulk-count">
            {selected.length} selected ·{" "}
            {formatCents(selected.reduce((n, s) => n + s.amountOutstandingCents, 0))}
          </span>
          {outreachActions.map((a) => (
            <Button key={a} className="btn btn-small" onPress={() => start(a, selected, true)}>
              {outreachActionLabel[a]}
            </Button>
          ))}
          <Button className="btn btn-small btn-quiet" onPress={() => setSelection({})}>
            Clear selection
          </Button>
        </div>
      ) : null}
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Invoice sets"
            captionHidden
            columns={columns}
            data={rows}
            getRowId={(s) => s.id}
            rowSelection={selection}
            onRowSelectionChange={canWrite ? setSelection : undefined}
            isFetching={page.isFetching}
            empty={
              page.isPending
                ? "Loading…"
                : anyFilter
                  ? "No invoice sets match these filters."
                  : "No invoice sets yet: outreach starts one when a patient's balance has been outstanding long enough."
            }
            renderExpanded={(s) =>
              expanded.has(s.id) ? <OutreachTimeline set={s} patientName={patientName(s)} /> : null
            }
          />
          <Pager
            label="Invoice sets"
            pagination={pagination}
            rowsOnPage={rows.length}
            nextCursor={page.data?.nextCursor}
            isLoading={page.isPending}
          />
        </>
      )}
      {pending ? (
        <OutreachActionDialog
          key={`${pending.action}-${pending.sets.map((s) => s.id).join()}`}
          action={pending.action}
          sets={pending.sets}
          bulk={pending.bulk}
          onClose={() => setPending(null)}
          onDone={(result) => {
            setPending(null);
            setOutcome(result);
            if (pending.bulk) setSelection({});
          }}
        />
      ) : null}
    </>
  );
};
