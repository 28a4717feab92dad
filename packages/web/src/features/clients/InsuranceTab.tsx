import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import { payerName, useDirectory } from "../../api/directory";
import type { Client } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { FormAlert, fieldErrors } from "../../components/form";
import { Badge } from "../../components/status";
import { formatLocalDate, type PracticeDisplay, todayIn } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { fullName } from "./ClientsPage";
import { usePolicies, useSavePolicy } from "./clients-api";
import { type Policy, PolicyForm, rankOptions, relationshipOptions } from "./PolicyForm";

const rankOrder = { primary: 0, secondary: 1, tertiary: 2 } as const;

const coverage = (p: Policy, today: string, display: PracticeDisplay) => {
  if (p.effectiveFrom > today)
    return <Badge tone="info">{`Starts ${formatLocalDate(p.effectiveFrom, display)}`}</Badge>;
  if (p.effectiveTo && p.effectiveTo < today) return <Badge tone="muted">Ended</Badge>;
  return <Badge tone="success">Active</Badge>;
};

const subscriberWords = (p: Policy, client: Client, display: PracticeDisplay) => {
  if (p.subscriberRelationship === "self" || !p.subscriber) return `${fullName(client)} (the client)`;
  const relation = relationshipOptions.find((o) => o.id === p.subscriberRelationship)?.label ?? "";
  return `${fullName(p.subscriber)}, born ${formatLocalDate(p.subscriber.dateOfBirth, display)} — ${relation.toLowerCase()}`;
};

/** Ends a policy's coverage on a date (it stays on file for the claims it paid). */
const EndPolicy = ({ policy, label }: { policy: Policy; label: string }) => {
  const { practiceId, timeZone } = usePractice();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayIn(timeZone));
  const save = useSavePolicy(practiceId);
  const errors = fieldErrors(save.error);
  return (
    <>
      <Button className="btn btn-small" onPress={() => setOpen(true)} aria-label={`End ${label}`}>
        End
      </Button>
      <ModalDialog title={`End ${label}`} isOpen={open} onOpenChange={setOpen}>
        <Form
          validationBehavior="aria"
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { kind: "update", id: policy.id, body: { effectiveTo: date, version: policy.version } },
              { onSuccess: () => setOpen(false) },
            );
          }}
        >
          <TextInput
            label="Last day of coverage"
            type="date"
            value={date}
            onChange={setDate}
            isRequired
            errorMessage={errors.effectiveTo}
            description="Sessions after this day are not billed to this payer."
          />
          <FormAlert error={save.error} shown={["effectiveTo"]} />
          <div className="dialog-actions">
            <Button className="btn" onPress={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" className="btn btn-primary" isPending={save.isPending}>
              End coverage
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </>
  );
};

/**
 * The client's insurance policies, primary first: add one (the client or another subscriber holds it), edit the
 * member id or dates, end coverage. `?policy=<id>&fix=memberId` opens that policy at its member id (the claim
 * page links here when the scrubber rejected it).
 */
export const InsuranceTab = ({ client }: { client: Client }) => {
  const { practiceId, timeZone, can, display } = usePractice();
  const directory = useDirectory(practiceId);
  const policies = usePolicies(practiceId, client.id);
  const save = useSavePolicy(practiceId);
  const [params] = useSearchParams();
  const setParams = useUpdateParams();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editingId = params.get("policy");
  // Set when the claim page sent the biller here to fix what its scrubber rejected.
  const claimId = params.get("claim");
  const today = todayIn(timeZone);
  if (policies.isPending) return <Loading />;
  if (policies.isError) return <ErrorAlert error={policies.error} />;
  const list = [...policies.data.data].sort(
    (a, b) => rankOrder[a.rank] - rankOrder[b.rank] || b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
  const editing = list.find((p) => p.id === editingId) ?? null;
  const payers = [...(directory.data?.payers.values() ?? [])];
  const canEdit = can("clients:write");
  const nextRank = list.some((p) => p.rank === "primary" && !(p.effectiveTo && p.effectiveTo < today))
    ? "secondary"
    : "primary";
  const rankLabel = (p: Policy) => rankOptions.find((r) => r.id === p.rank)?.label ?? p.rank;
  const closeEdit = () => setParams({ policy: null, fix: null });
  return (
    <section aria-labelledby="insurance-heading" className="card">
      <div className="card-header">
        <h2 id="insurance-heading">Insurance policies</h2>
        {canEdit ? (
          <Button
            className="btn btn-primary"
            onPress={() => {
              save.reset();
              setAdding(true);
            }}
          >
            Add policy
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice>
          {saved}
          {claimId ? (
            <>
              {" "}
              <Link to={`/p/${practiceId}/claims/${claimId}`}>Back to the claim to re-scrub it</Link>
            </>
          ) : null}
        </Notice>
      ) : null}
      {params.get("fix") === "memberId" && editing ? (
        <p className="alert alert-warning">
          The scrubber rejected this policy's member id. Correct it as the insurance card shows it, save, then
          re-scrub the claim.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Insurance policies</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Payer</th>
              <th scope="col">Member ID</th>
              <th scope="col">Group</th>
              <th scope="col">Subscriber</th>
              <th scope="col">Coverage</th>
              <th scope="col">Status</th>
              {canEdit ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.length === 0 ? (
              <tr>
                <td colSpan={canEdit ? 8 : 7} className="empty-cell">
                  No insurance on file. Insurance sessions are not billed until a policy is added.
                </td>
              </tr>
            ) : (
              list.map((p) => {
                const label = `${rankLabel(p).toLowerCase()} policy ${payerName(directory.data, p.payerId)}`;
                return (
                  <tr key={p.id}>
                    <td>{rankLabel(p)}</td>
                    <td>{payerName(directory.data, p.payerId)}</td>
                    <td className="mono nowrap">{p.memberId.trim() || <em>missing</em>}</td>
                    <td className="nowrap">{p.groupNumber ?? "—"}</td>
                    <td>{subscriberWords(p, client, display)}</td>
                    <td className="nowrap">
                      {formatLocalDate(p.effectiveFrom, display)} –{" "}
                      {p.effectiveTo ? formatLocalDate(p.effectiveTo, display) : "ongoing"}
                    </td>
                    <td>{coverage(p, today, display)}</td>
                    {canEdit ? (
                      <td>
                        <div className="row-actions">
                          <Button
                            className="btn btn-small"
                            aria-label={`Edit ${label}`}
                            onPress={() => {
                              save.reset();
                              setParams({ policy: p.id, fix: null });
                            }}
                          >
                            Edit
                          </Button>
                          {!p.effectiveTo || p.effectiveTo >= today ? (
                            <EndPolicy policy={p} label={label} />
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <ModalDialog title="Add insurance policy" isOpen={adding} onOpenChange={setAdding} width="wide">
        <PolicyForm
          clientId={client.id}
          policy={null}
          payers={payers}
          defaults={{ rank: nextRank, effectiveFrom: today }}
          submitLabel="Add policy"
          error={save.error}
          isPending={save.isPending}
          onCancel={() => setAdding(false)}
          onSubmit={(body) =>
            save.mutate(
              { kind: "create", body },
              {
                onSuccess: () => {
                  setAdding(false);
                  setSaved("Policy added.");
                },
              },
            )
          }
        />
      </ModalDialog>
      {editing ? (
        <ModalDialog
          title={`Edit ${rankLabel(editing).toLowerCase()} policy`}
          isOpen
          onOpenChange={(open) => {
            if (!open) closeEdit();
          }}
          width="wide"
        >
          <PolicyForm
            key={`${editing.id}-${editing.version}`}
            clientId={client.id}
            policy={editing}
            payers={payers}
            defaults={{ rank: editing.rank, effectiveFrom: editing.effectiveFrom }}
            submitLabel="Save policy"
            error={save.error}
            isPending={save.isPending}
            onCancel={closeEdit}
            focus={params.get("fix") === "memberId" ? "memberId" : undefined}
            onSubmit={({ clientId: _client, ...body }) =>
              save.mutate(
                { kind: "update", id: editing.id, body: { ...body, version: editing.version } },
                {
                  onSuccess: () => {
                    closeEdit();
                    setSaved("Policy saved.");
                  },
                },
              )
            }
          />
        </ModalDialog>
      ) : null}
    </section>
  );
};
