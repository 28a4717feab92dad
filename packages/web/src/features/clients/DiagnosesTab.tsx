import { useState } from "react";
import { Button, Form } from "react-aria-components";
import type { Client } from "../../api/models";
import type { components } from "../../api/schema";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { FormAlert, fieldErrors } from "../../components/form";
import { Badge } from "../../components/status";
import { useAddDiagnosis, useDiagnoses, useRemoveDiagnosis, useUpdateDiagnosis } from "./clients-api";

type Diagnosis = components["schemas"]["diagnosis"];

/** Up to 12 ICD-10-CM codes in claim order: the first is the primary diagnosis a claim line points to. */
export const DiagnosesTab = ({ client }: { client: Client }) => {
  const { practiceId, can } = usePractice();
  const diagnoses = useDiagnoses(practiceId, client.id);
  const add = useAddDiagnosis(practiceId);
  const reorder = useUpdateDiagnosis(practiceId);
  const remove = useRemoveDiagnosis(practiceId);
  const [code, setCode] = useState("");
  const [description, setDescription] = useState("");
  if (diagnoses.isPending) return <Loading />;
  if (diagnoses.isError) return <ErrorAlert error={diagnoses.error} />;
  const list = [...diagnoses.data.data].sort((a, b) => a.rank - b.rank);
  const canEdit = can("clients:write");
  const busy = reorder.isPending || remove.isPending;
  /** Swaps a diagnosis with its neighbour; ranks are renumbered 1… so gaps left by removals close too. */
  const move = (index: number, by: -1 | 1) => {
    const order = [...list];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + by, 0, moved);
    const changes = order
      .map((d, i) => ({ d, rank: i + 1 }))
      .filter(({ d, rank }) => d.rank !== rank)
      .map(({ d, rank }) => ({ id: d.id, version: d.version, rank }));
    reorder.mutate(changes);
  };
  const errors = fieldErrors(add.error);
  const nextRank = list.reduce((max, d: Diagnosis) => Math.max(max, d.rank), 0) + 1;
  return (
    <section aria-labelledby="diagnoses-heading" className="card">
      <div className="card-header">
        <h2 id="diagnoses-heading">Diagnoses</h2>
      </div>
      <p className="muted">In claim order: the first is the primary diagnosis.</p>
      {reorder.isError ? <ErrorAlert error={reorder.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {list.length === 0 ? (
        <p className="empty">No diagnosis yet. Insurance claims need at least one.</p>
      ) : (
        <ol className="diagnosis-list" aria-label="Diagnoses in claim order">
          {list.map((d, i) => (
            <li key={d.id} className="diagnosis">
              <span className="mono diagnosis-code">{d.code}</span>
              <span>{d.description ?? ""}</span>
              {i === 0 ? <Badge tone="info">Primary</Badge> : null}
              {!d.active ? <Badge tone="muted">Inactive</Badge> : null}
              {canEdit ? (
                <span className="row-actions">
                  <Button
                    className="btn btn-small"
                    aria-label={`Move ${d.code} up`}
                    isDisabled={i === 0 || busy}
                    onPress={() => move(i, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    className="btn btn-small"
                    aria-label={`Move ${d.code} down`}
                    isDisabled={i === list.length - 1 || busy}
                    onPress={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    className="btn btn-small"
                    aria-label={`Remove ${d.code}`}
                    isDisabled={busy}
                    onPress={() => remove.mutate(d.id)}
                  >
                    Remove
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canEdit && nextRank <= 12 ? (
        <Form
          validationBehavior="aria"
          className="inline-form"
          aria-label="Add a diagnosis"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              {
                clientId: client.id,
                code: code.trim(),
                description: description.trim() || null,
                rank: nextRank,
              },
              {
                onSuccess: () => {
                  setCode("");
                  setDescription("");
                },
              },
            );
          }}
        >
          <TextInput
            label="ICD-10-CM code"
            value={code}
            onChange={setCode}
            placeholder="F41.1"
            isRequired
            errorMessage={errors.code}
          />
          <TextInput
            label="Description (optional)"
            value={description}
            onChange={setDescription}
            errorMessage={errors.description}
          />
          <Button type="submit" className="btn btn-primary" isPending={add.isPending}>
            Add diagnosis
          </Button>
        </Form>
      ) : null}
      <FormAlert error={add.error} shown={["code", "description"]} />
    </section>
  );
};
