import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import type { Role } from "../api/models";
import { createQueryClient } from "../app/query-client";
import { routes } from "../app/routes";
import { mockApi, reply } from "./api-mock";
import { directoryRoutes, me, PID, practice } from "./fixtures";

/**
 * Renders the whole app (real routes, data cache and components) at `path`, signed in with `role`, over a mocked
 * API: `api` adds or overrides routes.
 */
export const renderApp = (path: string, api: Record<string, unknown> = {}, role: Role | null = "owner") => {
  const server = mockApi({
    "GET /api/v1/me": () =>
      role ? me(role) : reply(401, { error: { code: "UNAUTHENTICATED", message: "Sign in" } }),
    [`GET /api/v1/practices/:pid`]: practice,
    ...directoryRoutes,
    ...api,
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, user, router, server, queryClient };
};

export const at = (screen: string) => `/p/${PID}/${screen}`;

/** A <search> landmark by its label (jsdom's role table predates the element; browsers know it). */
export const searchLandmark = (label: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`search[aria-label="${label}"]`);
  if (!el) throw new Error(`no search landmark "${label}"`);
  return el;
};
