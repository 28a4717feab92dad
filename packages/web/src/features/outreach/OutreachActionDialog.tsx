import type { OutreachAction } from "@billcycle/core";
import { useState } from "react";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog } from "../../components/dialog";
import { SelectField, TextInput } from "../../components/fields";
import { formatCents } from "../../lib/format";
import {
  type BulkOutreachResult,
  type OutreachSet,
  useBulkOutreachAction,
  useOutreachAction,
  useRuleSets,
} from "./outreach-api";
import { actionConsequence, actionDone, outreachActionLabel, outreachSetStatusLabel } from "./outreach-words";

export const patientName = (set: OutreachSet) => `${set.patient.firstName} ${set.patient.lastName}`;

/** What the screen says after an action: a line, and for a bulk action the sets it skipped and why. */
export type ActionOutcome = { summary: string; skipped: string[] };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The bulk answer in words: how many were done, and each skipped set by patient, with why. */
export const bulkOutcome = (
  action: OutreachAction,
  result: BulkOutreachResult,
  sets: readonly OutreachSet[],
): ActionOutcome => {
  const byId = new Map(sets.map((s) => [s.id, s]));
  const label = outreachActionLabel[action];
  return {
    summary: `${label}: ${result.done} done, ${result.skipped.length} skipped.`,
    skipped: result.skipped.map((s) => {
      const set = byId.get(s.setId);
      const who = set ? patientName(set) : "An invoice set";
      if (s.code === "ACTION_NOT_ALLOWED" && set)
        return `${who} (${outreachSetStatusLabel[set.status]}): ${label} is not available for ${outreachSetStatusLabel[set.status]} invoices.`;
      return `${who}: ${s.reason}`;
    }),
  };
};

const DANGER: readonly OutreachAction[] = ["write_off", "send_to_collections", "cancel"];

/**
 * The confirmation of an action on one set or on the selected ones. Change Rule Set chooses the rule set here;
 * the others take an optional note for the timeline. A bulk action is sent for every selected set: the API does it
 * where the status allows and reports the rest as skipped.
 */
export const OutreachActionDialog = ({
  action,
  sets,
  bulk,
  onClose,
  onDone,
}: {
  action: OutreachAction;
  sets: OutreachSet[];
  bulk: boolean;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}) => {
  const { practiceId } = usePractice();
  const single = useOutreachAction(practiceId);
  const many = useBulkOutreachAction(practiceId);
  const ruleSets = useRuleSets(practiceId);
  const first = sets[0];
  const current = !bulk && first ? first.ruleSet.id : null;
  const [ruleSetId, setRuleSetId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const label = outreachActionLabel[action];
  const allowed = sets.filter((s) => s.actions.includes(action));
  const total = sets.reduce((sum, s) => sum + s.amountOutstandingCents, 0);
  const chosenRuleSet = ruleSetId ?? ruleSets.data?.find((r) => r.id !== current)?.id ?? null;
  const ruleSetOptions = (ruleSets.data ?? []).map((r) => ({
    id: r.id,
    label: `${r.name}${r.isDefault ? " (default)" : ""}${r.id === current ? " — current" : ""}`,
  }));
  const pending = single.isPending || many.isPending;
  const request = {
    action,
    ...(action === "change_rule_set" && chosenRuleSet ? { ruleSetId: chosenRuleSet } : {}),
    ...(action !== "change_rule_set" && note.trim() ? { reason: note.trim() } : {}),
  };
  const ruleSetName = ruleSets.data?.find((r) => r.id === chosenRuleSet)?.name;

  const confirm = async () => {
    setProblem(null);
    if (action === "change_rule_set" && !chosenRuleSet) {
      setProblem("Choose the rule set to continue with.");
      return;
    }
    try {
      if (bulk) {
        const result = await many.mutateAsync({ setIds: sets.map((s) => s.id), request });
        onDone(bulkOutcome(action, result, sets));
      } else if (first) {
        await single.mutateAsync({ set: first, request });
        onDone({
          summary:
            action === "change_rule_set"
              ? `${actionDone[action]} ${patientName(first)}'s invoice set to ${ruleSetName ?? "the chosen rule set"}.`
              : `${actionDone[action]} ${patientName(first)}'s invoice set.`,
          skipped: [],
        });
      }
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <ConfirmDialog
      isOpen
      title={
        bulk
          ? `${label} ${plural(sets.length, "invoice set")}?`
          : `${label} ${first ? `${patientName(first)}'s` : "this"} invoice set?`
      }
      confirmLabel={label}
      tone={DANGER.includes(action) ? "danger" : "primary"}
      onCancel={onClose}
      onConfirm={() => void confirm()}
      isPending={pending}
      error={problem}
    >
      <p>{actionConsequence[action]}</p>
      <p>
        {bulk
          ? `${plural(sets.length, "invoice set")} selected, ${formatCents(total)} outstanding in all. `
          : `${formatCents(total)} outstanding. `}
        {bulk && allowed.length < sets.length
          ? `${allowed.length} can be changed now; the ${plural(sets.length - allowed.length, "other")} will be skipped (their status does not allow ${label}).`
          : null}
      </p>
      {action === "change_rule_set" ? (
        <SelectField
          label="Rule set"
          options={ruleSetOptions}
          value={chosenRuleSet}
          onChange={setRuleSetId}
          placeholder={ruleSets.isPending ? "Loading rule sets…" : "Choose a rule set"}
          isRequired
        />
      ) : (
        <TextInput label="Note for the timeline (optional)" value={note} onChange={setNote} maxLength={500} />
      )}
    </ConfirmDialog>
  );
};
