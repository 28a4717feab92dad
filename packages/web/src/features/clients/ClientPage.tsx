import { useState } from "react";
import { Button } from "react-aria-components";
import { Link, useParams, useSearchParams } from "react-router";
import type { Client } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { PageHeader, Section } from "../../components/page";
import { Badge } from "../../components/status";
import { formatLocalDate } from "../../lib/format";
import { ClientBillingTab } from "../client-billing/ClientBillingPage";
import { ClientClaims, ClientInvoices, ClientSessions } from "./ClientActivity";
import { ClientForm } from "./ClientForm";
import { fullName } from "./ClientsPage";
import { useClient, useUpdateClient } from "./clients-api";
import { DiagnosesTab } from "./DiagnosesTab";
import { InsuranceTab } from "./InsuranceTab";

const tabs = [
  { id: "profile", label: "Profile" },
  { id: "insurance", label: "Insurance" },
  { id: "diagnoses", label: "Diagnoses" },
  { id: "sessions", label: "Sessions" },
  { id: "invoices", label: "Invoices" },
  { id: "claims", label: "Claims" },
  { id: "billing", label: "Billing" },
] as const;

type TabId = (typeof tabs)[number]["id"];

const yes = (b: boolean) => (b ? "Yes" : "No");

/** The profile as read; Edit turns it into the form. */
const ProfileTab = ({ client }: { client: Client }) => {
  const { practiceId, can, display } = usePractice();
  const update = useUpdateClient(practiceId, client.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (editing)
    return (
      <Section title="Edit profile">
        <ClientForm
          client={client}
          submitLabel="Save profile"
          error={update.error}
          isPending={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(body) =>
            update.mutate(
              { ...body, version: client.version },
              {
                onSuccess: () => {
                  setEditing(false);
                  setSaved(true);
                },
              },
            )
          }
        />
      </Section>
    );
  const a = client.address;
  const g = client.guarantor;
  return (
    <Section
      title="Profile"
      actions={
        can("clients:write") ? (
          <Button
            className="btn"
            onPress={() => {
              update.reset();
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit profile
          </Button>
        ) : null
      }
    >
      {saved ? <Notice>Profile saved.</Notice> : null}
      <dl className="facts">
        <dt>Name</dt>
        <dd>{fullName(client)}</dd>
        <dt>Date of birth</dt>
        <dd>{formatLocalDate(client.dateOfBirth, display)}</dd>
        <dt>Sex</dt>
        <dd>{{ F: "Female", M: "Male", U: "Unknown" }[client.sex]}</dd>
        <dt>Pays by</dt>
        <dd>{client.paysBy === "insurance" ? "Insurance" : "Self-pay"}</dd>
        <dt>Email</dt>
        <dd>{client.email ?? "—"}</dd>
        <dt>Mobile phone</dt>
        <dd>{client.phone ?? "—"}</dd>
        <dt>Address</dt>
        <dd>
          {a ? `${a.line1}${a.line2 ? `, ${a.line2}` : ""}, ${a.city}, ${a.state} ${a.zip}` : "None on file"}
        </dd>
        <dt>Email messages</dt>
        <dd>{yes(client.emailOptIn)}</dd>
        <dt>Text messages</dt>
        <dd>{yes(client.smsOptIn)}</dd>
        <dt>Guarantor</dt>
        <dd>
          {g
            ? `${g.firstName} ${g.lastName} (${g.relationship})${[g.email, g.phone].filter(Boolean).length ? ` · ${[g.email, g.phone].filter(Boolean).join(" · ")}` : ""}`
            : "The client"}
        </dd>
      </dl>
    </Section>
  );
};

/**
 * One client, in tabs: profile, insurance, diagnoses, sessions, invoices, claims, billing. The tab is in the address (`?tab=insurance`), so a link can open the right one.
 */
export const ClientPage = () => {
  const { clientId = "" } = useParams();
  const { practiceId, display } = usePractice();
  const [params] = useSearchParams();
  const client = useClient(practiceId, clientId);
  if (client.isPending) return <Loading />;
  if (client.isError) return <ErrorAlert error={client.error} />;
  const c = client.data;
  const tab: TabId = tabs.some((t) => t.id === params.get("tab")) ? (params.get("tab") as TabId) : "profile";
  const base = `/p/${practiceId}/clients/${c.id}`;
  return (
    <>
      <PageHeader
        title={fullName(c)}
        crumbs={[{ label: "Clients", href: `/p/${practiceId}/clients` }, { label: fullName(c) }]}
        description={
          <>
            Born {formatLocalDate(c.dateOfBirth, display)} ·{" "}
            {c.paysBy === "insurance" ? "Insurance" : "Self-pay"}{" "}
            {c.active ? null : <Badge tone="muted">Inactive</Badge>}
          </>
        }
      />
      <nav aria-label="Client sections" className="segmented client-tabs">
        {tabs.map((t) => (
          <Link key={t.id} to={`${base}?tab=${t.id}`} aria-current={t.id === tab ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="tab-panel">
        {tab === "profile" ? <ProfileTab client={c} /> : null}
        {tab === "insurance" ? <InsuranceTab client={c} /> : null}
        {tab === "diagnoses" ? <DiagnosesTab client={c} /> : null}
        {tab === "sessions" ? <ClientSessions clientId={c.id} /> : null}
        {tab === "invoices" ? <ClientInvoices clientId={c.id} /> : null}
        {tab === "claims" ? <ClientClaims clientId={c.id} /> : null}
        {tab === "billing" ? <ClientBillingTab client={c} /> : null}
      </div>
    </>
  );
};
