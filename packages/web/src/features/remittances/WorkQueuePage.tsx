import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Button } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import { errorText } from "../../api/client";
import { clientName, useDirectory } from "../../api/directory";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorAlert, Notice } from "../../components/feedback";
import { SearchComboField, SelectField, TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { formatCents, formatInstant } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { useDebounced } from "../../lib/use-debounced";
import { useClaimsPage } from "../claims/claims-api";
import { RemittanceTabs, ruleActionLabel, workItemKindLabel } from "./labels";
import {
  type PostingRule,
  usePostingRules,
  useResolveWorkItem,
  useSavePostingRule,
  useWorkQueuePage,
  type WorkItem,
} from "./remittances-api";

type RuleAction = Exclude<PostingRule["action"], "block">;

/** The claim and client an item is about: ours when matched, else what the payer sent. */
const About = ({ item }: { item: WorkItem }) => {
  const { practiceId } = usePractice();
  if (item.claim)
    return (
      <span>
        <Link to={`/p/${practiceId}/claims/${item.claim.id}`}>Claim {item.claim.patientControlNumber}</Link>
        {item.client ? (
          <>
            {" · "}
            <Link to={`/p/${practiceId}/clients/${item.client.id}`}>{item.client.name}</Link>
          </>
        ) : null}
      </span>
    );
  const rc = item.remittanceClaim;
  if (rc)
    return (
      <span>
        Payer's claim {rc.patientControlNumber}
        {rc.patientName ? ` · ${rc.patientName} (as the payer spells it)` : ""}, not one of ours
      </span>
    );
  return (
    <span className="muted">
      The whole remittance {item.remittance.traceNumber} from {item.remittance.payerName}
    </span>
  );
};

const ruleActionOptions = (["write_off", "patient_responsibility", "denial", "informational"] as const).map(
  (a) => ({ id: a, label: ruleActionLabel[a] }),
);

/**
 * A blocked adjustment code posts only once a rule says what it means: the rule is made (or the blocking rule
 * changed) here, then the claim posts, in one confirmation.
 */
const RuleInPlace = ({
  rule,
  action,
  onAction,
  scope,
  onScope,
}: {
  rule: NonNullable<WorkItem["postingRule"]>;
  action: RuleAction | null;
  onAction: (a: RuleAction) => void;
  scope: "payer" | "any";
  onScope: (s: "payer" | "any") => void;
}) => {
  const { practiceId } = usePractice();
  const code = `${rule.groupCode}-${rule.reasonCode}`;
  const params = new URLSearchParams({ group: rule.groupCode, reason: rule.reasonCode });
  if (rule.payerId) params.set("payerId", rule.payerId);
  return (
    <>
      <p>
        {rule.id
          ? `A posting rule holds ${code} for review, so it would be blocked again. Say what ${code} means and it posts now:`
          : `No posting rule says what ${code} means, so it would be blocked again. Add the rule and it posts now:`}
      </p>
      <SelectField
        label={`What ${code} means`}
        options={ruleActionOptions}
        value={action}
        onChange={onAction}
        placeholder="Choose…"
      />
      {rule.payerId && !rule.id ? (
        <SelectField
          label="For"
          options={[
            { id: "payer", label: `${rule.payerName ?? "This payer"} only` },
            { id: "any", label: "Any payer" },
          ]}
          value={scope}
          onChange={onScope}
        />
      ) : null}
      <p>
        <Link
          to={`/p/${practiceId}/posting-rules?${rule.id ? `edit=${rule.id}` : `new=1&${params.toString()}`}`}
        >
          {rule.id ? `Open the rule for ${code}` : `Add the rule for ${code} on the Posting rules screen`}
        </Link>
      </p>
    </>
  );
};

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** The money a work item is about: the imbalances of an unbalanced remittance, the blocked adjustment, … */
const Amounts = ({ item }: { item: WorkItem }) => {
  const d = item.details;
  const imbalances = d.imbalances ?? [];
  if (imbalances.length)
    return (
      <ul className="plain-list compact">
        {imbalances.map((i) => (
          <li key={`${i.level}-${i.patientControlNumber ?? ""}-${i.lineNumber ?? ""}`}>
            {i.level === "transaction" ? "Payment" : `Claim ${i.patientControlNumber ?? ""}`}
            {i.lineNumber ? ` line ${i.lineNumber}` : ""}: reported {formatCents(i.reportedCents)}, computed{" "}
            {formatCents(i.computedCents)}, off by {formatCents(Math.abs(i.differenceCents))}
          </li>
        ))}
      </ul>
    );
  const rc = item.remittanceClaim;
  if (item.kind === "unmatched_claim" && rc)
    return (
      <span>
        Billed {formatCents(rc.chargeCents)}, paid {formatCents(rc.paidCents)}
        {rc.patientResponsibilityCents ? `, patient owes ${formatCents(rc.patientResponsibilityCents)}` : ""}
      </span>
    );
  const amount = num(d.amountCents);
  const code = [str(d.group), str(d.reasonCode)].filter(Boolean).join("-");
  if (amount !== null) return <span>{`${code ? `${code} ` : ""}${formatCents(amount)}`}</span>;
  const reversal = num(d.reversalPaidCents);
  if (reversal !== null)
    return (
      <span>
        Reversal {formatCents(reversal)}, posted {formatCents(num(d.postedCents) ?? 0)}
      </span>
    );
  return <span className="muted">—</span>;
};

type Pending =
  | { kind: "dismiss"; item: WorkItem }
  | { kind: "post"; item: WorkItem }
  | { kind: "match"; item: WorkItem };

const actionLabel = { post: "Post now", match: "Match to a claim", dismiss: "Dismiss" } as const;

const statusOptions = [
  { id: "open", label: "Open" },
  { id: "resolved", label: "Resolved" },
  { id: "dismissed", label: "Dismissed" },
] as const;

/** Remittances and claims that need a person, with what can be done about each. */
export const WorkQueuePage = () => {
  const { practiceId, can, timeZone, display } = usePractice();
  const canWrite = can("billing:write");
  const [params] = useSearchParams();
  const status = (params.get("status") || "open") as WorkItem["status"];
  const update = useUpdateParams();
  const pagination = useCursorPagination(status);
  const page = useWorkQueuePage(practiceId, status, pagination.cursor, pagination.pageSize);
  const resolve = useResolveWorkItem(practiceId);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [claimId, setClaimId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rules = usePostingRules(practiceId);
  const saveRule = useSavePostingRule(practiceId);
  const [ruleAction, setRuleAction] = useState<RuleAction | null>(null);
  const [ruleScope, setRuleScope] = useState<"payer" | "any">("payer");

  const start = (kind: Pending["kind"], item: WorkItem) => {
    resolve.reset();
    saveRule.reset();
    setRuleAction(null);
    setRuleScope(item.postingRule?.payerId ? "payer" : "any");
    setNotice(null);
    setReason("");
    setClaimId(null);
    setPending({ kind, item });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: start only sets state
  const cols = useMemo((): ColumnDef<WorkItem>[] => {
    const base: ColumnDef<WorkItem>[] = [
      {
        id: "kind",
        header: "Kind",
        accessorFn: (w) => workItemKindLabel[w.kind] ?? w.kind,
        cell: ({ row }) => (
          <Badge tone={row.original.kind === "unbalanced" ? "danger" : "warning"}>
            {workItemKindLabel[row.original.kind] ?? row.original.kind}
          </Badge>
        ),
      },
      { id: "reason", header: "Reason", accessorFn: (w) => w.reason },
      {
        id: "about",
        header: "Claim and client",
        enableSorting: false,
        cell: ({ row }) => <About item={row.original} />,
      },
      {
        id: "amounts",
        header: "Amounts",
        enableSorting: false,
        cell: ({ row }) => <Amounts item={row.original} />,
      },
      {
        id: "remittance",
        header: "Remittance",
        enableSorting: false,
        cell: ({ row }) => (
          <Link
            to={`/p/${practiceId}/remittances/${row.original.remittanceId}`}
            aria-label={`Open the remittance of: ${row.original.reason}`}
          >
            {row.original.remittance.traceNumber} · {row.original.remittance.payerName}
          </Link>
        ),
      },
      {
        id: "created",
        header: "Since",
        accessorFn: (w) => w.createdAt,
        cell: ({ row }) => formatInstant(row.original.createdAt, display),
      },
    ];
    if (status !== "open")
      base.push({
        id: "resolution",
        header: "Resolution",
        accessorFn: (w) => w.resolution ?? "",
        cell: ({ row }) =>
          `${row.original.resolution ?? "—"}${row.original.resolvedBy ? ` (${row.original.resolvedBy})` : ""}`,
      });
    if (canWrite && status === "open")
      base.push({
        id: "actions",
        header: "Actions",
        enableSorting: false,
        cell: ({ row }) => (
          <div className="row-actions">
            {row.original.actions.map((a) => (
              <Button
                key={a}
                className={`btn btn-small ${a === "dismiss" ? "btn-danger" : ""}`}
                aria-label={`${actionLabel[a]}: ${row.original.reason}`}
                onPress={() => start(a, row.original)}
              >
                {actionLabel[a]}
              </Button>
            ))}
          </div>
        ),
      });
    return base;
  }, [practiceId, timeZone, status, canWrite]);

  const confirm = async () => {
    if (!pending) return;
    const resolution =
      pending.kind === "dismiss"
        ? ({ action: "dismiss", reason: reason.trim() } as const)
        : pending.kind === "match"
          ? ({ action: "match", claimId: claimId ?? "" } as const)
          : ({ action: "post" } as const);
    try {
      if (pending.kind === "post" && pending.item.postingRule && ruleAction) {
        const r = pending.item.postingRule;
        const existing = r.id ? ((rules.data?.data ?? []).find((x) => x.id === r.id) ?? null) : null;
        await saveRule.mutateAsync({
          rule: existing,
          fields: {
            payerId: ruleScope === "payer" ? r.payerId : null,
            groupCode: r.groupCode,
            reasonCode: r.reasonCode,
            action: ruleAction,
          },
        });
      }
      const result = await resolve.mutateAsync({ id: pending.item.id, resolution });
      setNotice(
        result.status === "dismissed"
          ? `Dismissed: ${pending.item.reason}`
          : pending.kind === "match"
            ? "Matched and posted."
            : pending.item.postingRule && ruleAction
              ? `Rule ${pending.item.postingRule.groupCode}-${pending.item.postingRule.reasonCode} saved (${ruleActionLabel[ruleAction]}) and the claim posted.`
              : "Posted.",
      );
      setPending(null);
    } catch {
      // shown in the dialog
    }
  };

  const rows = page.data?.data ?? [];
  const blockedRule = pending?.kind === "post" ? pending.item.postingRule : null;
  const canConfirm =
    pending?.kind === "dismiss"
      ? reason.trim().length > 0
      : pending?.kind === "match"
        ? !!claimId
        : blockedRule
          ? !!ruleAction
          : true;
  return (
    <>
      <PageHeader
        title="Work queue"
        actions={<RemittanceTabs />}
        description="What the ERA import could not post by itself: remittances that do not balance, claims or lines it could not match, adjustment codes the posting rules block."
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <search className="filters" aria-label="Filter the work queue">
        <SelectField
          label="Status"
          options={statusOptions}
          value={status}
          onChange={(v) => update({ status: v === "open" ? null : v })}
        />
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Work queue"
            captionHidden
            columns={cols}
            data={rows}
            getRowId={(w) => w.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : status === "open" ? "Nothing needs a person." : "None."}
          />
          <Pager
            label="Work queue"
            pagination={pagination}
            rowsOnPage={rows.length}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
      <ConfirmDialog
        isOpen={!!pending}
        title={
          pending?.kind === "dismiss"
            ? "Dismiss this item?"
            : pending?.kind === "match"
              ? "Match to a claim and post?"
              : "Post it now?"
        }
        confirmLabel={pending ? actionLabel[pending.kind] : "OK"}
        tone={pending?.kind === "dismiss" ? "danger" : "primary"}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (canConfirm) void confirm();
        }}
        isPending={resolve.isPending || saveRule.isPending}
        error={
          saveRule.isError ? errorText(saveRule.error) : resolve.isError ? errorText(resolve.error) : null
        }
      >
        <p>{pending?.item.reason}</p>
        {pending?.kind === "dismiss" ? (
          <>
            <p>Nothing is posted for it, and it leaves the queue. Say why, for whoever looks later.</p>
            <TextInput label="Reason for dismissing" value={reason} onChange={setReason} isRequired />
          </>
        ) : pending?.kind === "match" ? (
          <MatchClaim
            value={claimId}
            onChange={setClaimId}
            sentNumber={String(pending.item.details.patientControlNumber ?? "")}
          />
        ) : pending && blockedRule ? (
          <RuleInPlace
            rule={blockedRule}
            action={ruleAction}
            onAction={setRuleAction}
            scope={ruleScope}
            onScope={setRuleScope}
          />
        ) : pending ? (
          <p>
            Its postings are made now with the current posting rules
            {pending.item.kind === "unbalanced" ? ", although the remittance does not balance" : ""}. Postings
            are permanent (a mistake is corrected by a reversal).
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
};

/**
 * Picks one of the practice's claims to match an unmatched remittance claim to: the server searches by the start
 * of the patient control number or part of the client's name, starting from what the payer sent.
 */
const MatchClaim = ({
  value,
  onChange,
  sentNumber,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  sentNumber: string;
}) => {
  const { practiceId } = usePractice();
  const directory = useDirectory(practiceId);
  const [text, setText] = useState(sentNumber);
  // The picked claim's label, shown in the box: while the box shows it, that is not a new search.
  const [pickedLabel, setPickedLabel] = useState<string | null>(null);
  const search = useDebounced(text.trim(), 250);
  const picked = value !== null && text === pickedLabel;
  const claims = useClaimsPage(
    practiceId,
    { search: picked ? undefined : search || undefined },
    undefined,
    25,
  );
  const options = (claims.data?.data ?? []).map((c) => ({
    id: c.id,
    label: `${c.patientControlNumber} · ${clientName(directory.data, c.clientId)} · ${formatCents(c.totalCents)}`,
  }));
  return (
    <>
      <p>
        Its postings go to the claim you pick. The payer sent patient control number {sentNumber || "(none)"}.
      </p>
      <SearchComboField
        label="Claim"
        placeholder="Patient control number or client name"
        options={options}
        value={value}
        onChange={(id) => {
          onChange(id);
          const label = options.find((o) => o.id === id)?.label;
          if (label !== undefined) {
            setPickedLabel(label);
            setText(label);
          }
        }}
        inputValue={text}
        onInputChange={(next) => {
          setText(next);
          if (value !== null && next !== pickedLabel) onChange(null);
        }}
        isLoading={claims.isFetching}
      />
    </>
  );
};
