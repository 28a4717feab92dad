import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useMemo, useRef } from "react";
import { Button } from "react-aria-components";
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { api, unwrap } from "../api/client";
import type { Me } from "../api/models";
import { defaultPracticeId, rememberPractice, signOut, useMe } from "../api/session";
import { ErrorAlert, Loading } from "../components/feedback";
import { SelectField } from "../components/fields";
import { PracticeProvider, practiceContextValue } from "./practice-context";

export const roleLabel = { owner: "Owner", biller: "Biller", clinician: "Clinician", read_only: "Read-only" };

/** The practice a screen belongs to (its time zone, settings): read once, shared by the frame and the screens. */
const practiceQuery = (practiceId: string, enabled: boolean) => ({
  queryKey: [practiceId, "practice"],
  queryFn: () => unwrap(api.GET("/api/v1/practices/{practiceId}", { params: { path: { practiceId } } })),
  enabled,
  staleTime: 5 * 60_000,
});

/** Signed-in screens: without a session, off to the sign-in page (and back here afterwards). */
export const RequireSession = () => {
  const me = useMe();
  const location = useLocation();
  // Asked beside "me", not after it: a practice screen's first load waits for one round trip, not two.
  const { practiceId = "" } = useParams();
  useQuery(practiceQuery(practiceId, !!practiceId && me.data !== null));
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const next =
      location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/signin${next}`} replace />;
  }
  return <Outlet context={me.data} />;
};

export const StartPage = () => {
  const me = useMe();
  if (!me.data) return null;
  const practiceId = defaultPracticeId(me.data);
  if (!practiceId)
    return (
      <main className="center-page">
        <h1>No practice yet</h1>
        <p>You are not a member of any practice. Ask a practice owner to add you.</p>
      </main>
    );
  return <Navigate to={`/p/${practiceId}/sessions`} replace />;
};

export const NotFoundPage = () => (
  <div className="center-page">
    <h1>Not found</h1>
    <p>
      There is nothing here. <NavLink to="/">Go to the start page</NavLink>.
    </p>
  </div>
);

const nav = [
  { to: "clients", label: "Clients" },
  { to: "sessions", label: "Sessions" },
  { to: "invoices", label: "Invoices" },
  { to: "billing/outreach", label: "Invoice Management" },
  { to: "employer-billing", label: "Employer billing" },
  { to: "claims", label: "Claims" },
  { to: "remittances", label: "Remittances" },
  { to: "claims/denials", label: "Denials" },
  { to: "work-queue", label: "Work queue" },
  { to: "automation-runs", label: "Automation runs" },
  { to: "setup", label: "Setup" },
  { to: "settings/automation", label: "Automation settings" },
  { to: "settings/billing", label: "Billing settings" },
] as const;

/**
 * The one nav entry the screen at `pathname` belongs to: the longest entry whose path is a whole-segment prefix of
 * it, so Denials (claims/denials) is current on its own screen and Claims is not highlighted beside it.
 */
export const currentNavEntry = (
  pathname: string,
  base: string,
  entries: ReadonlyArray<{ to: string }> = nav,
): string | null => {
  let best: string | null = null;
  for (const { to } of entries) {
    const path = `${base}/${to}`;
    const under = pathname === path || pathname.startsWith(`${path}/`);
    if (under && (best === null || to.length > best.length)) best = to;
  }
  return best;
};

const PracticeSwitcher = ({ me, practiceId }: { me: Me; practiceId: string }) => {
  const navigate = useNavigate();
  const location = useLocation();
  const options = [...me.memberships]
    .sort((a, b) => a.practiceName.localeCompare(b.practiceName))
    .map((m) => ({ id: m.practiceId, label: m.practiceName }));
  if (options.length < 2) return <p className="practice-name">{options[0]?.label}</p>;
  return (
    <SelectField
      label="Practice"
      className="practice-switcher"
      options={options}
      value={practiceId}
      onChange={(id) => {
        if (id === practiceId) return;
        // Same screen in the other practice; records (ids) belong to one practice, so drop them.
        const [section = "sessions", page] = location.pathname.split("/").slice(3);
        // Two-level screens keep their page; other sections drop everything after the section.
        const pages: Record<string, string> = { settings: "automation", billing: "outreach" };
        const screen = section in pages ? `${section}/${page ?? pages[section]}` : section;
        navigate(`/p/${id}/${screen}`);
      }}
    />
  );
};

/** The frame of every practice screen: navigation, practice switcher, who is signed in. */
export const PracticeLayout = () => {
  const { practiceId = "" } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const membership = me.data?.memberships.find((m) => m.practiceId === practiceId);
  const practice = useQuery(practiceQuery(practiceId, !!membership));
  useEffect(() => {
    if (membership) rememberPractice(practiceId);
  }, [membership, practiceId]);
  const context = useMemo(
    () => (membership && practice.data ? practiceContextValue(membership, practice.data) : null),
    [membership, practice.data],
  );
  // After in-app navigation, focus the new screen's heading so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }, [location.pathname]);

  if (!me.data) return null;
  if (!membership) return <NotFoundPage />;
  const base = `/p/${practiceId}`;
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="26" height="26" />
          <span>billcycle</span>
        </div>
        <PracticeSwitcher me={me.data} practiceId={practiceId} />
        <nav aria-label="Main" className="main-nav">
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <Link
                  to={`${base}/${n.to}`}
                  aria-current={currentNavEntry(location.pathname, base) === n.to ? "page" : undefined}
                >
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user-box">
          <p>
            <span className="user-name">{me.data.user.name}</span>
            <span className="user-role">{roleLabel[membership.role]}</span>
          </p>
          <NavLink to={`${base}/settings/api-tokens`} className="user-link">
            API tokens
          </NavLink>
          <Button
            className="btn btn-ghost-dark"
            onPress={async () => {
              await signOut(queryClient);
              navigate("/signin", { replace: true });
            }}
          >
            Sign out
          </Button>
        </div>
      </aside>
      <main id="main" ref={main} className="main" tabIndex={-1}>
        {practice.isError ? (
          <ErrorAlert error={practice.error} />
        ) : !context ? (
          <Loading />
        ) : (
          <PracticeProvider key={practiceId} value={context}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </PracticeProvider>
        )}
      </main>
    </div>
  );
};
