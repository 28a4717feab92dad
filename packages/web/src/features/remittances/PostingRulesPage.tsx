import type { ColumnDef } from "@tanstack/react-table";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Button } from "react-aria-components";
import { useSearchParams } from "react-router";
import { errorText } from "../../api/client";
import { payerName, useDirectory } from "../../api/directory";
import { usePractice } from "../../app/practice-context";
import { DataTable } from "../../components/data-table";
import { ConfirmDialog, ModalDialog } from "../../components/dialog";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { groupCodeLabel, RemittanceTabs, ruleActionLabel } from "./labels";
import {
  type ClaimsSettings,
  type PostingRule,
  type PostingRuleFields,
  useClaimsSettings,
  useDeletePostingRule,
  usePostingRules,
  useSavePostingRule,
  useSaveUnknownCodeAction,
} from "./remittances-api";

const ANY = "any";

const groupOptions = (Object.keys(groupCodeLabel) as PostingRule["groupCode"][]).map((g) => ({
  id: g,
  label: groupCodeLabel[g],
}));
const actionOptions = (Object.keys(ruleActionLabel) as PostingRule["action"][]).map((a) => ({
  id: a,
  label: ruleActionLabel[a],
}));

const unknownCodeOptions = [
  { id: "block", label: "Hold the claim in the work queue" },
  { id: "deny", label: "Post it as a denial" },
] as const;

/** The form of a new or changed rule, in a dialog. */
const RuleDialog = ({
  rule,
  initial,
  isOpen,
  onClose,
  onSaved,
}: {
  rule: PostingRule | null;
  /** A new rule's fields filled in already (from a blocked code in the work queue). */
  initial?: Partial<PostingRuleFields> | undefined;
  isOpen: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) => {
  const { practiceId } = usePractice();
  const directory = useDirectory(practiceId);
  const save = useSavePostingRule(practiceId);
  const [payerId, setPayerId] = useState<string>(rule?.payerId ?? initial?.payerId ?? ANY);
  const [groupCode, setGroupCode] = useState<PostingRule["groupCode"]>(
    rule?.groupCode ?? initial?.groupCode ?? "CO",
  );
  const [reasonCode, setReasonCode] = useState(rule?.reasonCode ?? initial?.reasonCode ?? "");
  const [action, setAction] = useState<PostingRule["action"] | null>(rule?.action ?? null);
  const [touched, setTouched] = useState(false);
  const code = reasonCode.trim().toUpperCase();
  const codeError = !/^[A-Z0-9]{1,5}$/.test(code) ? "A CARC reason code such as 45 or B7." : undefined;
  const payerOptions = [
    { id: ANY, label: "Any payer" },
    ...[...(directory.data?.payers.values() ?? [])]
      .map((p) => ({ id: p.id, label: p.name }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (codeError || !action) return;
    const fields: PostingRuleFields = {
      payerId: payerId === ANY ? null : payerId,
      groupCode,
      reasonCode: code,
      action,
    };
    try {
      await save.mutateAsync({ rule, fields });
      onSaved(`Rule ${groupCode}-${code} saved.`);
    } catch {
      // shown below
    }
  };

  return (
    <ModalDialog
      title={rule ? `Edit rule ${rule.groupCode}-${rule.reasonCode}` : "Add a posting rule"}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <SelectField label="Payer" options={payerOptions} value={payerId} onChange={setPayerId} />
        <SelectField label="Group code" options={groupOptions} value={groupCode} onChange={setGroupCode} />
        <TextInput
          label="Reason code"
          value={reasonCode}
          onChange={setReasonCode}
          errorMessage={touched ? codeError : undefined}
          description="The CARC code of the adjustment (CAS): 45, 1, 2, 3, B7…"
        />
        <SelectField
          label="Action"
          options={actionOptions}
          value={action}
          onChange={setAction}
          placeholder="Choose what it means…"
          errorMessage={touched && !action ? "Choose an action." : undefined}
        />
        {save.isError ? <ErrorAlert>{errorText(save.error)}</ErrorAlert> : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={onClose}>
            Cancel
          </Button>
          <Button type="submit" className="btn btn-primary" isPending={save.isPending}>
            Save rule
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
};

/** What to do with an adjustment code no rule covers: hold the claim for a person, or post it as a denial. */
const UnknownCodeChoice = ({ canEdit }: { canEdit: boolean }) => {
  const { practiceId } = usePractice();
  const settings = useClaimsSettings(practiceId);
  const save = useSaveUnknownCodeAction(practiceId);
  const [choice, setChoice] = useState<ClaimsSettings["settings"]["unknownCodeAction"] | null>(null);
  const [saved, setSaved] = useState(false);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const current = settings.data.settings.unknownCodeAction;
  const value = choice ?? current;
  const label = unknownCodeOptions.find((o) => o.id === current)?.label ?? current;
  return (
    <Section title="Codes without a rule">
      {canEdit ? (
        <div className="toolbar">
          <SelectField
            label="When an adjustment code has no rule"
            options={unknownCodeOptions}
            value={value}
            onChange={(v) => {
              setSaved(false);
              setChoice(v);
            }}
          />
          <Button
            className="btn btn-primary"
            isDisabled={value === current}
            isPending={save.isPending}
            onPress={async () => {
              try {
                await save.mutateAsync(value);
                setChoice(null);
                setSaved(true);
              } catch {
                // shown below
              }
            }}
          >
            Save choice
          </Button>
        </div>
      ) : (
        <p>When an adjustment code has no rule: {label}.</p>
      )}
      {save.isError ? <ErrorAlert>{errorText(save.error)}</ErrorAlert> : null}
      {saved ? <Notice>Codes without a rule: {label}.</Notice> : null}
    </Section>
  );
};

/** Posting rules: (payer or any, group code, reason code) → what the adjustment means for this practice. */
export const PostingRulesPage = () => {
  const { practiceId, can } = usePractice();
  const canEdit = can("settings:write");
  const directory = useDirectory(practiceId);
  const rules = usePostingRules(practiceId);
  const remove = useDeletePostingRule(practiceId);
  const [editing, setEditing] = useState<{
    rule: PostingRule | null;
    initial?: Partial<PostingRuleFields>;
  } | null>(null);
  // A link from the work queue: ?edit=<rule id>, or ?new=1&group=CO&reason=97&payerId=… (opened once).
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    const edit = params.get("edit");
    if (edit) {
      const found = rules.data?.data.find((r) => r.id === edit);
      if (!found) return;
      setEditing({ rule: found });
    } else if (params.get("new")) {
      const group = params.get("group");
      setEditing({
        rule: null,
        initial: {
          groupCode: (group && group in groupCodeLabel ? group : "CO") as PostingRule["groupCode"],
          reasonCode: params.get("reason") ?? "",
          payerId: params.get("payerId"),
        },
      });
    } else return;
    setParams({}, { replace: true });
  }, [params, rules.data, setParams]);
  const [deleting, setDeleting] = useState<PostingRule | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: remove.reset is stable
  const cols = useMemo((): ColumnDef<PostingRule>[] => {
    const base: ColumnDef<PostingRule>[] = [
      {
        id: "payer",
        header: "Payer",
        accessorFn: (r) => (r.payerId ? payerName(directory.data, r.payerId) : "Any payer"),
      },
      { id: "group", header: "Group code", accessorFn: (r) => r.groupCode },
      { id: "reason", header: "Reason code", accessorFn: (r) => r.reasonCode },
      { id: "action", header: "Action", accessorFn: (r) => ruleActionLabel[r.action] ?? r.action },
    ];
    if (canEdit)
      base.push({
        id: "edit",
        header: "Actions",
        enableSorting: false,
        cell: ({ row: { original: r } }) => (
          <div className="row-actions">
            <Button
              className="btn btn-small"
              aria-label={`Edit rule ${r.groupCode}-${r.reasonCode}`}
              onPress={() => {
                setNotice(null);
                setEditing({ rule: r });
              }}
            >
              Edit
            </Button>
            <Button
              className="btn btn-small btn-danger"
              aria-label={`Delete rule ${r.groupCode}-${r.reasonCode}`}
              onPress={() => {
                remove.reset();
                setNotice(null);
                setDeleting(r);
              }}
            >
              Delete
            </Button>
          </div>
        ),
      });
    return base;
  }, [directory.data, canEdit]);

  return (
    <>
      <PageHeader
        title="Posting rules"
        actions={<RemittanceTabs />}
        description="What each adjustment (CAS group and reason code) on a remittance means for this practice; a payer's own rule wins over one for any payer."
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {canEdit ? (
        <div className="toolbar">
          <Button
            className="btn btn-primary"
            onPress={() => {
              setNotice(null);
              setEditing({ rule: null });
            }}
          >
            Add rule
          </Button>
        </div>
      ) : (
        <p className="alert alert-info">Your role can view these rules but not change them.</p>
      )}
      {rules.isError ? (
        <ErrorAlert error={rules.error} />
      ) : (
        <DataTable
          caption="Posting rules"
          captionHidden
          columns={cols}
          data={rules.data?.data ?? []}
          getRowId={(r) => r.id}
          isFetching={rules.isFetching}
          empty={rules.isPending ? "Loading…" : "No rules yet: adjustment codes follow the choice below."}
        />
      )}
      <UnknownCodeChoice canEdit={canEdit} />
      {editing ? (
        <RuleDialog
          key={editing.rule?.id ?? "new"}
          rule={editing.rule}
          initial={editing.initial}
          isOpen
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={!!deleting}
        title={deleting ? `Delete rule ${deleting.groupCode}-${deleting.reasonCode}?` : "Delete rule?"}
        confirmLabel="Delete rule"
        tone="danger"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await remove.mutateAsync(deleting.id);
            setNotice(`Rule ${deleting.groupCode}-${deleting.reasonCode} deleted.`);
            setDeleting(null);
          } catch {
            // shown in the dialog
          }
        }}
        isPending={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
      >
        <p>
          Adjustments with this code then follow the next matching rule, or the choice for codes without a
          rule. Postings already made stay as they are.
        </p>
      </ConfirmDialog>
    </>
  );
};
