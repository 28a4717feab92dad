import { type FormEvent, useEffect, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useNavigate } from "react-router";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { ComboField, SelectField, TextInput } from "../../components/fields";
import {
  type CreateEmployerBatchBody,
  useBillToLookup,
  useCreateEmployerBatch,
} from "./employer-billing-api";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dateError = (text: string) =>
  text.trim() === "" || isoDate.test(text.trim()) ? undefined : "A date as YYYY-MM-DD, e.g. 2026-01-31";

/** "e:<id>" an employer, "g:<id>" an employer group: one lookup for both, as the seed's "Employer or Employer Group". */
const billTo = (choice: string | null): Pick<CreateEmployerBatchBody, "employerId" | "groupId"> | null => {
  if (!choice) return null;
  const id = choice.slice(2);
  return choice.startsWith("g:") ? { groupId: id } : { employerId: id };
};

/**
 * Create On-Demand Batch: batch type, employer or group by type-ahead, DOS and post-date ranges, an internal note;
 * Create Batch by button or F2. Every control is reachable by Tab; the lookup filters as you type (arrows, Enter).
 */
export const CreateBatchDialog = ({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) => {
  const { practiceId } = usePractice();
  const navigate = useNavigate();
  const lookup = useBillToLookup(practiceId);
  const create = useCreateEmployerBatch(practiceId);
  const [choice, setChoice] = useState<string | null>(null);
  const [dosFrom, setDosFrom] = useState("");
  const [dosTo, setDosTo] = useState("");
  const [postFrom, setPostFrom] = useState("");
  const [postTo, setPostTo] = useState("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);

  const options = [
    ...(lookup.data?.employers ?? []).map((e) => ({ id: `e:${e.id}`, label: e.name })),
    ...(lookup.data?.groups ?? []).map((g) => ({ id: `g:${g.id}`, label: `${g.name} (group)` })),
  ].sort((a, b) => a.label.localeCompare(b.label));
  const dates = { dosFrom, dosTo, postFrom, postTo };
  const invalidDates = Object.values(dates).some((d) => dateError(d) !== undefined);

  const submit = async () => {
    const to = billTo(choice);
    if (!to) {
      setMissing(true);
      return;
    }
    if (invalidDates || create.isPending) return;
    const body: CreateEmployerBatchBody = { ...to };
    for (const [k, v] of Object.entries(dates) as [keyof typeof dates, string][])
      if (v.trim()) body[k] = v.trim();
    if (note.trim()) body.note = note.trim();
    try {
      const made = await create.mutateAsync(body);
      onOpenChange(false);
      navigate(`batches/${made.batch.number}`);
    } catch {
      // shown in the dialog (NOTHING_TO_INVOICE: the API's sentence)
    }
  };

  // F2 is Create Batch, wherever the focus is inside the open dialog (re-bound each render: submit reads the state).
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "F2") return;
      e.preventDefault();
      void submit();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  });

  return (
    <ModalDialog title="Create On-Demand Batch" isOpen={isOpen} onOpenChange={onOpenChange} width="wide">
      <Form
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectField
          label="Batch"
          options={[{ id: "invoices", label: "Invoices" }]}
          value="invoices"
          onChange={() => {}}
        />
        <ComboField
          label="Employer or Employer Group"
          options={options}
          value={choice}
          onChange={(v) => {
            setChoice(v);
            setMissing(false);
          }}
          placeholder="Type a name"
        />
        {missing ? (
          <p role="alert" className="alert alert-error">
            Choose an employer or an employer group.
          </p>
        ) : null}
        <div className="form-grid">
          <TextInput
            label="DOS From"
            value={dosFrom}
            onChange={setDosFrom}
            placeholder="YYYY-MM-DD"
            errorMessage={dateError(dosFrom)}
          />
          <TextInput
            label="DOS To"
            value={dosTo}
            onChange={setDosTo}
            placeholder="YYYY-MM-DD"
            errorMessage={dateError(dosTo)}
          />
          <TextInput
            label="Post Date From"
            value={postFrom}
            onChange={setPostFrom}
            placeholder="YYYY-MM-DD"
            errorMessage={dateError(postFrom)}
          />
          <TextInput
            label="Post Date To"
            value={postTo}
            onChange={setPostTo}
            placeholder="YYYY-MM-DD"
            errorMessage={dateError(postTo)}
          />
        </div>
        <TextInput
          label="Note"
          value={note}
          onChange={setNote}
          description="Internal: not printed on the invoice."
        />
        {create.error ? (
          <p role="alert" className="alert alert-error">
            {errorText(create.error)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            className="btn btn-primary"
            isPending={create.isPending}
            aria-keyshortcuts="F2"
          >
            Create Batch [F2]
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
};
