import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, scopesAllowedFor } from "@billcycle/core";
import type { ColumnDef } from "@tanstack/react-table";
import { type FormEvent, useMemo, useState } from "react";
import { Button } from "react-aria-components";
import { errorText } from "../../api/client";
import { useMe } from "../../api/session";
import { usePractice } from "../../app/practice-context";
import { DataTable } from "../../components/data-table";
import { ConfirmDialog, ModalDialog } from "../../components/dialog";
import { ErrorAlert, Notice } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { formatInstant } from "../../lib/format";
import {
  type ApiToken,
  type CreatedApiToken,
  type TokenScope,
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
} from "./api-tokens-api";

const scopeLabel: Record<TokenScope, string> = {
  read: "Read (view only)",
  write: "Write (all your role allows)",
};

const statusBadge: Record<ApiToken["status"], { tone: "success" | "muted" | "danger"; label: string }> = {
  active: { tone: "success", label: "Active" },
  expired: { tone: "muted", label: "Expired" },
  revoked: { tone: "danger", label: "Revoked" },
};

/** The secret, once: with a copy button and the warning that it cannot be shown again. */
const ShowSecretOnce = ({ made, onDone }: { made: CreatedApiToken; onDone: () => void }) => {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="stack">
      <p role="alert" className="alert alert-warning">
        Copy this token now and keep it somewhere safe: it will not be shown again. Anyone holding it can use
        the API as you, within its scope, until it expires or is revoked.
      </p>
      <TextInput label={`Token "${made.name}"`} value={made.token} isReadOnly />
      <div className="dialog-actions">
        <Button
          className="btn"
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(made.token);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          Copy token
        </Button>
        <Button className="btn btn-primary" onPress={onDone}>
          Done
        </Button>
      </div>
      {copied === true ? <Notice>Token copied.</Notice> : null}
      {copied === false ? (
        <ErrorAlert>Copying failed: select the token and copy it yourself.</ErrorAlert>
      ) : null}
    </div>
  );
};

/** Name, days until expiry and scope; then the secret, once. */
const CreateTokenDialog = ({ scopes, onClose }: { scopes: TokenScope[]; onClose: () => void }) => {
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [days, setDays] = useState(String(API_TOKEN_DEFAULT_DAYS));
  const [scope, setScope] = useState<TokenScope>("read");
  const [touched, setTouched] = useState(false);
  const [made, setMade] = useState<CreatedApiToken | null>(null);
  const nameError = name.trim() ? undefined : "Give the token a name that says what it is for.";
  const dayCount = Number(days);
  const daysError =
    Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= API_TOKEN_MAX_DAYS
      ? undefined
      : `A whole number of days from 1 to ${API_TOKEN_MAX_DAYS}.`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (nameError || daysError) return;
    try {
      setMade(await create.mutateAsync({ name: name.trim(), expiresInDays: dayCount, scopes: [scope] }));
    } catch {
      // shown below
    }
  };

  return (
    <ModalDialog
      title={made ? "Your new API token" : "Create an API token"}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      {made ? (
        <ShowSecretOnce made={made} onDone={onClose} />
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <TextInput
            label="Name"
            value={name}
            onChange={setName}
            errorMessage={touched ? nameError : undefined}
            description="What uses it, such as “nightly export”."
          />
          <TextInput
            label="Expires in (days)"
            value={days}
            onChange={setDays}
            inputMode="numeric"
            errorMessage={touched ? daysError : undefined}
            description={`At most ${API_TOKEN_MAX_DAYS} days.`}
          />
          <SelectField
            label="Scope"
            options={scopes.map((s) => ({ id: s, label: scopeLabel[s] }))}
            value={scope}
            onChange={setScope}
          />
          {create.isError ? <ErrorAlert>{errorText(create.error)}</ErrorAlert> : null}
          <div className="dialog-actions">
            <Button className="btn" onPress={onClose}>
              Cancel
            </Button>
            <Button type="submit" className="btn btn-primary" isPending={create.isPending}>
              Create token
            </Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
};

/** Settings › API tokens: the signed-in user's own Bearer credentials for scripts. */
export const ApiTokensPage = () => {
  const { timeZone, display } = usePractice();
  const me = useMe();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scopes = scopesAllowedFor(me.data?.memberships.map((m) => m.role) ?? []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: revoke.reset is stable
  const columns = useMemo(
    (): ColumnDef<ApiToken>[] => [
      { id: "name", header: "Name", accessorFn: (t) => t.name },
      { id: "scope", header: "Scope", accessorFn: (t) => t.scopes.join(", ") },
      {
        id: "status",
        header: "Status",
        accessorFn: (t) => t.status,
        cell: ({ row: { original: t } }) => (
          <Badge tone={statusBadge[t.status].tone}>{statusBadge[t.status].label}</Badge>
        ),
      },
      { id: "created", header: "Created", accessorFn: (t) => formatInstant(t.createdAt, display) },
      { id: "expires", header: "Expires", accessorFn: (t) => formatInstant(t.expiresAt, display) },
      {
        id: "used",
        header: "Last used",
        accessorFn: (t) => (t.lastUsedAt ? formatInstant(t.lastUsedAt, display) : "Never"),
      },
      {
        id: "actions",
        header: "Actions",
        enableSorting: false,
        cell: ({ row: { original: t } }) =>
          t.status === "active" ? (
            <Button
              className="btn btn-small btn-danger"
              aria-label={`Revoke token ${t.name}`}
              onPress={() => {
                revoke.reset();
                setNotice(null);
                setRevoking(t);
              }}
            >
              Revoke
            </Button>
          ) : null,
      },
    ],
    [timeZone],
  );

  return (
    <>
      <PageHeader
        title="API tokens"
        crumbs={[{ label: "Settings" }, { label: "API tokens" }]}
        description="A token lets a script call the billcycle API as you (send it as “Authorization: Bearer …”), never with more than your role allows. It expires, and signing out does not end it: revoke a token you no longer need."
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="toolbar">
        <Button
          className="btn btn-primary"
          isDisabled={!scopes.length}
          onPress={() => {
            setNotice(null);
            setCreating(true);
          }}
        >
          Create token
        </Button>
      </div>
      {tokens.isError ? (
        <ErrorAlert error={tokens.error} />
      ) : (
        <DataTable
          caption="API tokens"
          captionHidden
          columns={columns}
          data={tokens.data ?? []}
          getRowId={(t) => t.id}
          isFetching={tokens.isFetching}
          empty={tokens.isPending ? "Loading…" : "No tokens yet."}
        />
      )}
      {creating ? <CreateTokenDialog scopes={scopes} onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        isOpen={!!revoking}
        title={revoking ? `Revoke token ${revoking.name}?` : "Revoke token?"}
        confirmLabel="Revoke token"
        tone="danger"
        onCancel={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          try {
            await revoke.mutateAsync(revoking.id);
            setNotice(`Token ${revoking.name} revoked.`);
            setRevoking(null);
          } catch {
            // shown in the dialog
          }
        }}
        isPending={revoke.isPending}
        error={revoke.isError ? errorText(revoke.error) : null}
      >
        <p>The next request made with it is refused. This cannot be undone: make a new token if needed.</p>
      </ConfirmDialog>
    </>
  );
};
