import { type ComponentType, lazy } from "react";
import { RouterProvider as AriaRouterProvider } from "react-aria-components";
import { Navigate, Outlet, type RouteObject, useHref, useNavigate } from "react-router";
import { SignInPage } from "../features/auth/SignInPage";
import { NotFoundPage, PracticeLayout, RequireSession, StartPage } from "./layout";

/**
 * Each screen is its own chunk, loaded when first shown (PracticeLayout suspends on it): the first load fetches
 * the app frame and one screen, not every screen.
 */
const screenLoaders: Array<() => Promise<unknown>> = [];
const screen = <K extends string>(name: K, load: () => Promise<Record<K, ComponentType>>) => {
  screenLoaders.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
};

/** Every screen's chunk at once (component tests load them up front, as the app did before it was split). */
export const loadAllScreens = () => Promise.all(screenLoaders.map((load) => load()));

const AutomationRunsPage = screen(
  "AutomationRunsPage",
  () => import("../features/automation/AutomationRunsPage"),
);
const AutomationSettingsPage = screen(
  "AutomationSettingsPage",
  () => import("../features/automation/AutomationSettingsPage"),
);
const ClaimDetailPage = screen("ClaimDetailPage", () => import("../features/claims/ClaimDetailPage"));
const ClaimsBoardPage = screen("ClaimsBoardPage", () => import("../features/claims/ClaimsBoardPage"));
const ClaimsListPage = screen("ClaimsListPage", () => import("../features/claims/ClaimsListPage"));
const DenialsPage = screen("DenialsPage", () => import("../features/claims/DenialsPage"));
const ClientBillingPage = screen(
  "ClientBillingPage",
  () => import("../features/client-billing/ClientBillingPage"),
);
const ClientPage = screen("ClientPage", () => import("../features/clients/ClientPage"));
const ClientsPage = screen("ClientsPage", () => import("../features/clients/ClientsPage"));
const EmployerBatchPage = screen(
  "EmployerBatchPage",
  () => import("../features/employer-billing/EmployerBatchPage"),
);
const EmployerDashboardPage = screen(
  "EmployerDashboardPage",
  () => import("../features/employer-billing/EmployerDashboardPage"),
);
const InvoiceProfilePage = screen(
  "InvoiceProfilePage",
  () => import("../features/employer-billing/InvoiceProfilePage"),
);
const StatementManagementPage = screen(
  "StatementManagementPage",
  () => import("../features/employer-billing/StatementManagementPage"),
);
const InvoiceDetailPage = screen("InvoiceDetailPage", () => import("../features/invoices/InvoiceDetailPage"));
const InvoicesPage = screen("InvoicesPage", () => import("../features/invoices/InvoicesPage"));
const InvoiceManagementPage = screen(
  "InvoiceManagementPage",
  () => import("../features/outreach/InvoiceManagementPage"),
);
const PendedReviewPage = screen("PendedReviewPage", () => import("../features/invoices/PendedReviewPage"));
const FilesPage = screen("FilesPage", () => import("../features/remittances/FilesPage"));
const PostingRulesPage = screen("PostingRulesPage", () => import("../features/remittances/PostingRulesPage"));
const RemittanceDetailPage = screen(
  "RemittanceDetailPage",
  () => import("../features/remittances/RemittanceDetailPage"),
);
const RemittancesPage = screen("RemittancesPage", () => import("../features/remittances/RemittancesPage"));
const WorkQueuePage = screen("WorkQueuePage", () => import("../features/remittances/WorkQueuePage"));
const SessionDetailPage = screen("SessionDetailPage", () => import("../features/sessions/SessionDetailPage"));
const SessionsPage = screen("SessionsPage", () => import("../features/sessions/SessionsPage"));
const ApiTokensPage = screen("ApiTokensPage", () => import("../features/settings/ApiTokensPage"));
const BillingSettingsPage = screen(
  "BillingSettingsPage",
  () => import("../features/settings/BillingSettingsPage"),
);
const SetupPage = screen("SetupPage", () => import("../features/setup/SetupPage"));

/** react-aria links and buttons with href navigate through react-router. */
const Root = () => {
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to, options) => navigate(to, options)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
};

/**
 * The screens. Everything practice-scoped lives under /p/:practiceId, like the API's /practices/{practiceId};
 * a new API area becomes a new feature folder and a route here.
 */
export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      { path: "/signin", element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: "/", element: <StartPage /> },
          {
            path: "/p/:practiceId",
            element: <PracticeLayout />,
            children: [
              { index: true, element: <Navigate to="sessions" replace /> },
              { path: "sessions", element: <SessionsPage /> },
              { path: "sessions/:appointmentId", element: <SessionDetailPage /> },
              { path: "clients", element: <ClientsPage /> },
              { path: "clients/:clientId", element: <ClientPage /> },
              { path: "invoices", element: <InvoicesPage /> },
              { path: "invoices/review", element: <PendedReviewPage /> },
              { path: "invoices/:invoiceId", element: <InvoiceDetailPage /> },
              { path: "billing", element: <Navigate to="outreach" replace /> },
              { path: "billing/outreach", element: <InvoiceManagementPage /> },
              { path: "clients/:clientId/billing", element: <ClientBillingPage /> },
              { path: "employer-billing", element: <StatementManagementPage /> },
              { path: "employer-billing/batches/:batchNumber", element: <EmployerBatchPage /> },
              { path: "employer-billing/employers/:employerId", element: <EmployerDashboardPage /> },
              { path: "employer-billing/profile", element: <InvoiceProfilePage /> },
              { path: "employer-billing/employers/:employerId/profile", element: <InvoiceProfilePage /> },
              { path: "claims", element: <ClaimsBoardPage /> },
              { path: "claims/list", element: <ClaimsListPage /> },
              { path: "claims/denials", element: <DenialsPage /> },
              { path: "claims/:claimId", element: <ClaimDetailPage /> },
              { path: "remittances", element: <RemittancesPage /> },
              { path: "remittances/:remittanceId", element: <RemittanceDetailPage /> },
              { path: "work-queue", element: <WorkQueuePage /> },
              { path: "posting-rules", element: <PostingRulesPage /> },
              { path: "files", element: <FilesPage /> },
              { path: "settings/automation", element: <AutomationSettingsPage /> },
              { path: "setup", element: <SetupPage /> },
              { path: "setup/:resource", element: <SetupPage /> },
              { path: "settings/billing", element: <BillingSettingsPage /> },
              { path: "settings/api-tokens", element: <ApiTokensPage /> },
              { path: "automation-runs", element: <AutomationRunsPage /> },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
