import { RouterProvider as AriaRouterProvider } from "react-aria-components";
import { Navigate, Outlet, type RouteObject, useHref, useNavigate } from "react-router";
import { SignInPage } from "../features/auth/SignInPage";
import { AutomationRunsPage } from "../features/automation/AutomationRunsPage";
import { AutomationSettingsPage } from "../features/automation/AutomationSettingsPage";
import { ClaimDetailPage } from "../features/claims/ClaimDetailPage";
import { ClaimsBoardPage } from "../features/claims/ClaimsBoardPage";
import { ClaimsListPage } from "../features/claims/ClaimsListPage";
import { DenialsPage } from "../features/claims/DenialsPage";
import { ClientBillingPage } from "../features/client-billing/ClientBillingPage";
import { ClientPage } from "../features/clients/ClientPage";
import { ClientsPage } from "../features/clients/ClientsPage";
import { EmployerBatchPage } from "../features/employer-billing/EmployerBatchPage";
import { EmployerDashboardPage } from "../features/employer-billing/EmployerDashboardPage";
import { InvoiceProfilePage } from "../features/employer-billing/InvoiceProfilePage";
import { StatementManagementPage } from "../features/employer-billing/StatementManagementPage";
import { InvoiceDetailPage } from "../features/invoices/InvoiceDetailPage";
import { InvoicesPage } from "../features/invoices/InvoicesPage";
import { PendedReviewPage } from "../features/invoices/PendedReviewPage";
import { FilesPage } from "../features/remittances/FilesPage";
import { PostingRulesPage } from "../features/remittances/PostingRulesPage";
import { RemittanceDetailPage } from "../features/remittances/RemittanceDetailPage";
import { RemittancesPage } from "../features/remittances/RemittancesPage";
import { WorkQueuePage } from "../features/remittances/WorkQueuePage";
import { SessionDetailPage } from "../features/sessions/SessionDetailPage";
import { SessionsPage } from "../features/sessions/SessionsPage";
import { ApiTokensPage } from "../features/settings/ApiTokensPage";
import { BillingSettingsPage } from "../features/settings/BillingSettingsPage";
import { SetupPage } from "../features/setup/SetupPage";
import { NotFoundPage, PracticeLayout, RequireSession, StartPage } from "./layout";

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
