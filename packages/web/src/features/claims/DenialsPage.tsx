import { claimFollowUpActionLabel } from "@billcycle/core";
import { type FormEvent, useState } from "react";
import { Button, Form } from "react-aria-components";
import { Link } from "react-router";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { ErrorAlert, Loading } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { ClaimStatusBadge } from "../../components/status";
import { formatCents, formatLocalDate } from "../../lib/format";
import { type FollowUpAction, useDenials, useFollowUpClaim } from "./claims-api";

type Denied = {
  claimId: string;
  patientControlNumber: string;
  stage: "denied" | "rejected";
  diagnosisHint?: string;
};

const FollowUpDialog = ({
  claim,
  action,
  onClose,
}: {
  claim: Denied;
  action: FollowUpAction;
  onClose: () => void;
}) => {
  const { practiceId } = usePractice();
  const followUp = useFollowUpClaim(practiceId);
  const [reason, setReason] = useState("");
  const [diagnoses, setDiagnoses] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const codes = diagnoses
      .split(/[\s,]+/)
      .map((d) => d.trim().toUpperCase())
      .filter(Boolean);
    try {
      await followUp.mutateAsync({
        claimId: claim.claimId,
        action,
        reason: reason.trim(),
        ...(action === "replace" && codes.length ? { corrections: { diagnosisCodes: codes } } : {}),
      });
      onClose();
    } catch {
      // shown in the dialog
    }
  };
  return (
    <ModalDialog
      title={`${claimFollowUpActionLabel[action]}: claim ${claim.patientControlNumber}`}
      isOpen
      onOpenChange={(open) => (open ? null : onClose())}
    >
      <Form onSubmit={submit} className="stack">
        {action === "replace" ? (
          <>
            <p>
              A replacement claim (frequency 7) naming the payer's claim number goes out with the next Claims
              Submission. Fix the client's insurance or other details first; they are read when it is sent.
            </p>
            <TextInput
              label="Corrected diagnoses (ICD-10, comma-separated; empty: unchanged)"
              value={diagnoses}
              onChange={setDiagnoses}
            />
          </>
        ) : null}
        {action === "void_at_payer" ? (
          <p>
            A void claim (frequency 8) naming the payer's claim number goes out with the next Claims
            Submission.
          </p>
        ) : null}
        {action === "bill_client" ? (
          <p>What insurance still owes moves to the client's balance (a charge on their ledger).</p>
        ) : null}
        <TextInput label="Reason" value={reason} onChange={setReason} isRequired autoFocus maxLength={500} />
        {followUp.isError ? (
          <p role="alert" className="alert alert-error">
            {errorText(followUp.error)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={onClose}>
            Cancel
          </Button>
          <Button type="submit" className="btn btn-primary" isPending={followUp.isPending}>
            {claimFollowUpActionLabel[action]}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
};

/** The denials queue: each denied or rejected claim, why in words (CARC/RARC), and what can be done about it. */
export const DenialsPage = () => {
  const { practiceId, can, display } = usePractice();
  const denials = useDenials(practiceId);
  const [open, setOpen] = useState<{ claim: Denied; action: FollowUpAction } | null>(null);
  const canWrite = can("billing:write");
  return (
    <>
      <PageHeader
        title="Denials"
        crumbs={[{ label: "Claims", href: `/p/${practiceId}/claims` }, { label: "Denials" }]}
      />
      <Section title="Denied and rejected claims">
        {denials.isPending ? (
          <Loading />
        ) : denials.isError ? (
          <ErrorAlert error={denials.error} />
        ) : denials.data.data.length === 0 ? (
          <p className="muted">No denied or rejected claims wait for you.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Denied and rejected claims</caption>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Client</th>
                  <th scope="col">Payer</th>
                  <th scope="col">Date of service</th>
                  <th scope="col" className="num">
                    Insurance owes
                  </th>
                  <th scope="col">Why</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {denials.data.data.map((d) => (
                  <tr key={d.claimId}>
                    <td>
                      <Link to={`/p/${practiceId}/claims/${d.claimId}`}>{d.patientControlNumber}</Link>{" "}
                      <ClaimStatusBadge status={d.stage} />
                    </td>
                    <td>
                      <Link to={`/p/${practiceId}/clients/${d.clientId}`}>{d.clientName}</Link>
                    </td>
                    <td>{d.payerName}</td>
                    <td className="nowrap">{formatLocalDate(d.dateOfService, display)}</td>
                    <td className="num">{formatCents(d.insuranceOpenCents)}</td>
                    <td>
                      <ul className="plain-list">
                        {[...d.adjustmentCodes, ...d.remarkCodes, ...d.rejection].map((c) => (
                          <li key={c.code}>
                            <strong>{c.code}</strong> {c.description}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {canWrite ? (
                        <div className="button-row">
                          {d.actions.map((action) => (
                            <Button
                              key={action}
                              className="btn btn-small"
                              aria-label={`${claimFollowUpActionLabel[action]} (${d.patientControlNumber})`}
                              onPress={() => setOpen({ claim: d, action })}
                            >
                              {claimFollowUpActionLabel[action]}
                            </Button>
                          ))}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {open ? <FollowUpDialog claim={open.claim} action={open.action} onClose={() => setOpen(null)} /> : null}
    </>
  );
};
