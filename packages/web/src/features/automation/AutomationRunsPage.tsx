import { type AutomationKind, automationInfo, skipReasonCodes } from "@billcycle/core";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { AutomationRun, RunOutcome } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { SelectField } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { Badge, RunStatusBadge } from "../../components/status";
import {
  formatDuration,
  formatInstant,
  formatLocalDate,
  type PracticeDisplay,
  words,
} from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { automationOrder } from "./automation-api";
import { useRunOutcomes, useRunsPage } from "./runs-api";

const title = (kind: AutomationKind) => automationInfo[kind].title;

/** "considered 12 · invoiced 9 · skipped 3": what was looked at first, then what became of it. */
const countWords = (counts: Record<string, number> | null): string => {
  if (!counts || Object.keys(counts).length === 0) return "—";
  const first = ["considered"];
  const keys = Object.keys(counts).sort((a, b) => Number(!first.includes(a)) - Number(!first.includes(b)));
  return keys.map((k) => `${words(k)} ${counts[k]}`).join(" · ");
};

const runColumns = (
  display: PracticeDisplay,
  selected: string | null,
  runHref: (id: string) => string,
): ColumnDef<AutomationRun>[] => [
  {
    id: "automation",
    header: "Automation",
    accessorFn: (r) => title(r.automation),
    cell: ({ row: { original: r } }) => (
      <Link
        className="nowrap"
        to={runHref(r.id)}
        aria-current={selected === r.id ? "true" : undefined}
        aria-label={`${title(r.automation)} run of ${formatLocalDate(r.localDate, display)}: outcomes`}
      >
        {title(r.automation)}
      </Link>
    ),
  },
  {
    id: "date",
    header: "Night of",
    accessorFn: (r) => r.localDate,
    cell: ({ row }) => <span className="nowrap">{formatLocalDate(row.original.localDate, display)}</span>,
  },
  {
    id: "scheduled",
    header: "Scheduled (practice time)",
    accessorFn: (r) => r.scheduledAt,
    cell: ({ row }) => <span className="nowrap">{formatInstant(row.original.scheduledAt, display)}</span>,
  },
  {
    id: "status",
    header: "Status",
    accessorFn: (r) => r.status,
    cell: ({ row: { original: r } }) => (
      <span className="nowrap">
        <RunStatusBadge status={r.status} />
        {r.trigger === "manual" ? <span className="muted"> · by hand</span> : null}
      </span>
    ),
  },
  {
    id: "lateness",
    header: "Lateness",
    accessorFn: (r) => r.latenessMs ?? 0,
    cell: ({ row: { original: r } }) =>
      r.late ? (
        <Badge tone="warning">{`late ${formatDuration(r.latenessMs)}`}</Badge>
      ) : (
        <span className="muted">on time</span>
      ),
  },
  { id: "counts", header: "Counts", enableSorting: false, accessorFn: (r) => countWords(r.counts) },
  {
    id: "duration",
    header: "Duration",
    accessorFn: (r) => r.durationMs ?? 0,
    cell: ({ row }) => formatDuration(row.original.durationMs),
    meta: { align: "right" },
  },
];

const subjectPath: Record<RunOutcome["subjectType"], string | null> = {
  appointment: "sessions",
  invoice: "invoices",
  claim: "claims",
  remittance: null,
  // Superbill outcomes are per client; the web app has no client page yet.
  client: null,
};

const outcomeColumns = (practiceId: string, display: PracticeDisplay): ColumnDef<RunOutcome>[] => [
  {
    id: "subject",
    header: "Item",
    accessorFn: (o) => o.subjectType,
    cell: ({ row: { original: o } }) => {
      const path = subjectPath[o.subjectType];
      const noun =
        o.subjectType === "appointment"
          ? "Session"
          : `${o.subjectType.charAt(0).toUpperCase()}${o.subjectType.slice(1)}`;
      const text = `${noun} …${o.subjectId.slice(-6)}`;
      return path ? <Link to={`/p/${practiceId}/${path}/${o.subjectId}`}>{text}</Link> : text;
    },
  },
  {
    id: "outcome",
    header: "Outcome",
    accessorFn: (o) => o.outcome,
    cell: ({ row: { original: o } }) => (
      <Badge tone={o.outcome === "done" ? "success" : o.outcome === "error" ? "danger" : "warning"}>
        {o.outcome}
      </Badge>
    ),
  },
  { id: "reason", header: "Reason", accessorFn: (o) => o.reasonCode ?? "—" },
  { id: "message", header: "What happened", enableSorting: false, accessorFn: (o) => o.message },
  {
    id: "related",
    header: "Result",
    enableSorting: false,
    cell: ({ row: { original: o } }) =>
      o.relatedId && o.subjectType === "appointment" ? (
        <Link to={`/p/${practiceId}/invoices/${o.relatedId}`}>invoice</Link>
      ) : o.relatedId && o.subjectType === "invoice" ? (
        <Link to={`/p/${practiceId}/claims/${o.relatedId}`}>claim</Link>
      ) : (
        "—"
      ),
  },
  {
    id: "at",
    header: "At",
    accessorFn: (o) => o.at,
    cell: ({ row }) => formatInstant(row.original.at, display),
  },
];

const reasonOptions = [
  { id: "all", label: "All reasons" },
  ...[...skipReasonCodes, "NO_INSURANCE_PORTION"].map((c) => ({ id: c, label: words(c) })),
];

const RunOutcomes = ({ runId, run }: { runId: string; run: AutomationRun | undefined }) => {
  const { practiceId, display } = usePractice();
  const [params] = useSearchParams();
  const update = useUpdateParams();
  const reason = params.get("reason") || undefined;
  const pagination = useCursorPagination(`${runId}|${reason}`, 50);
  const page = useRunOutcomes(practiceId, runId, reason, pagination.cursor, pagination.pageSize);
  const columns = useMemo(() => outcomeColumns(practiceId, display), [practiceId, display]);
  const heading = run
    ? `${title(run.automation)}, night of ${formatLocalDate(run.localDate, display)}`
    : "Run outcomes";
  return (
    <Section title={heading} id="outcomes-heading">
      {run ? (
        <p className="muted">
          {run.status === "done" ? "Finished" : words(run.status)}
          {run.finishedAt ? ` ${formatInstant(run.finishedAt, display)}` : ""} · {countWords(run.counts)}
          {run.note ? ` · ${run.note}` : ""}
        </p>
      ) : null}
      <search className="filters" aria-label="Filter outcomes">
        <SelectField
          label="Reason"
          options={reasonOptions}
          value={reason ?? "all"}
          onChange={(v) => update({ reason: v === "all" ? null : v })}
        />
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="What the run did with each item"
            captionHidden
            columns={columns}
            data={page.data?.data ?? []}
            getRowId={(o) => o.id}
            isFetching={page.isFetching}
            empty={
              page.isPending
                ? "Loading…"
                : reason
                  ? `No items skipped for ${words(reason)}.`
                  : "This run looked at nothing."
            }
          />
          <Pager
            label="Outcomes"
            pagination={pagination}
            rowsOnPage={page.data?.data.length ?? 0}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
    </Section>
  );
};

/** Every run: its automation, practice-local time, lateness, counts and duration; and what it did, item by item. */
export const AutomationRunsPage = () => {
  const { practiceId, timeZone, display } = usePractice();
  const [params] = useSearchParams();
  const update = useUpdateParams();
  const automation = (params.get("automation") || undefined) as AutomationKind | undefined;
  const selected = params.get("run");
  const pagination = useCursorPagination(automation ?? "all");
  const page = useRunsPage(practiceId, automation, pagination.cursor, pagination.pageSize);
  const columns = useMemo(() => {
    const runHref = (id: string) => {
      const next = new URLSearchParams(params);
      next.set("run", id);
      next.delete("reason");
      return `?${next.toString()}`;
    };
    return runColumns(display, selected, runHref);
  }, [display, selected, params]);
  const runs = page.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Automation runs"
        description={`Newest first. Times are practice time (${timeZone}); a run that started over 5 minutes after its time is marked late.`}
      />
      <search className="filters" aria-label="Filter runs">
        <SelectField
          label="Automation"
          options={[
            { id: "all", label: "All automations" },
            ...automationOrder.map((k) => ({ id: k, label: automationInfo[k].title })),
          ]}
          value={automation ?? "all"}
          onChange={(v) => update({ automation: v === "all" ? null : v, run: null, reason: null })}
        />
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Automation runs"
            captionHidden
            columns={columns}
            data={runs}
            getRowId={(r) => r.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No runs yet. Enabled automations run every night."}
          />
          <Pager
            label="Runs"
            pagination={pagination}
            rowsOnPage={runs.length}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
      {selected ? <RunOutcomes runId={selected} run={runs.find((r) => r.id === selected)} /> : null}
    </>
  );
};
