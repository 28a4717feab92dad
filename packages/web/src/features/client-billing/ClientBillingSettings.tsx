import { type ShareDocumentKinds, shareDocumentKindChoices } from "@billcycle/core";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import type { Client } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { Notice } from "../../components/feedback";
import { SelectField } from "../../components/fields";
import { CheckboxField, FormAlert } from "../../components/form";
import { Section } from "../../components/page";
import { useUpdateClient } from "../clients/clients-api";

const kindLabels: Record<ShareDocumentKinds, string> = {
  both: "Bills and superbills",
  bills: "Bills only (with statements)",
  superbills: "Superbills only",
};

type Draft = Pick<Client, "autopay" | "autoSuperbills" | "autoShareDocuments" | "shareDocumentKinds">;

const draftOf = (c: Client): Draft => ({
  autopay: c.autopay,
  autoSuperbills: c.autoSuperbills,
  autoShareDocuments: c.autoShareDocuments,
  shareDocumentKinds: c.shareDocumentKinds,
});

/** What changes, in words, for the confirmation. */
const changes = (from: Draft, to: Draft): string[] => {
  const out: string[] = [];
  if (from.autopay !== to.autopay)
    out.push(to.autopay ? "Autopay charges the default card for open bills each night" : "Autopay stops");
  if (from.autoSuperbills !== to.autoSuperbills)
    out.push(
      to.autoSuperbills
        ? "A superbill is created on the practice's superbill day"
        : "No more automatic superbills",
    );
  if (from.autoShareDocuments !== to.autoShareDocuments)
    out.push(
      to.autoShareDocuments ? "Documents are emailed automatically" : "Nothing is shared automatically",
    );
  if (from.shareDocumentKinds !== to.shareDocumentKinds)
    out.push(`Shared: ${kindLabels[to.shareDocumentKinds].toLowerCase()}`);
  return out;
};

/** Client › Billing › Settings: this client's autopay, superbills and sharing (set from the practice defaults). */
export const ClientBillingSettings = ({ client }: { client: Client }) => {
  const { practiceId, can } = usePractice();
  const update = useUpdateClient(practiceId, client.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(client));
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const canEdit = can("clients:write");
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setSaved(false);
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const pending = changes(draftOf(client), draft);
  return (
    <Section title="Billing settings" level={3}>
      <Form
        aria-label="Client billing settings"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          update.reset();
          setConfirming(true);
        }}
      >
        <CheckboxField
          label="Autopay with the default card"
          isSelected={draft.autopay}
          onChange={set("autopay")}
          isDisabled={!canEdit}
          description="Runs only while the practice's Autopay automation is on and a default card is on file."
        />
        <CheckboxField
          label="Automatically create superbills"
          isSelected={draft.autoSuperbills}
          onChange={set("autoSuperbills")}
          isDisabled={!canEdit}
          description="Each month on the practice's superbill day, for services with a CPT code."
        />
        <CheckboxField
          label="Share billing documents automatically"
          isSelected={draft.autoShareDocuments}
          onChange={set("autoShareDocuments")}
          isDisabled={!canEdit}
          description="Emailed after the practice's delay; needs an email address and email turned on."
        />
        <SelectField
          label="What to share"
          options={shareDocumentKindChoices.map((k) => ({ id: k, label: kindLabels[k] }))}
          value={draft.shareDocumentKinds}
          onChange={set("shareDocumentKinds")}
          isDisabled={!canEdit || !draft.autoShareDocuments}
        />
        <FormAlert error={update.isError && !confirming ? update.error : null} shown={[]} />
        {saved ? <Notice>Billing settings saved.</Notice> : null}
        {canEdit ? (
          <div className="dialog-actions">
            <Button type="submit" className="btn btn-primary" isDisabled={pending.length === 0}>
              Save billing settings
            </Button>
          </div>
        ) : null}
      </Form>
      <ConfirmDialog
        isOpen={confirming}
        title="Change this client's billing settings?"
        confirmLabel="Save"
        onCancel={() => setConfirming(false)}
        isPending={update.isPending}
        error={update.isError ? (update.error as Error).message : null}
        onConfirm={() =>
          update.mutate(
            { ...draft, version: client.version },
            {
              onSuccess: () => {
                setConfirming(false);
                setSaved(true);
              },
            },
          )
        }
      >
        <ul>
          {pending.map((p) => (
            <li key={p}>{p}.</li>
          ))}
        </ul>
        <p>For this client only, from now on.</p>
      </ConfirmDialog>
    </Section>
  );
};
