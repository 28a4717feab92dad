import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { reply } from "../../test/api-mock";
import { me, OTHER, PID } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";
import type { ApiToken } from "./api-tokens-api";

const SECRET = "bct_s3cretValueShownOnlyOnce";

const token = (n: number, fields: Partial<ApiToken> = {}): ApiToken => ({
  id: `aaaaaaaa-aaaa-7aaa-8aaa-${String(n).padStart(12, "0")}`,
  name: `token ${n}`,
  scopes: ["read"],
  createdVia: "session",
  createdAt: "2026-03-01T15:00:00.000Z",
  expiresAt: "2026-05-30T15:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  status: "active",
  ...fields,
});

/** A stand-in for the token routes that keeps its list, as the server would. */
const tokensApi = (initial: ApiToken[]) => {
  const tokens = [...initial];
  return {
    "GET /api/v1/auth/tokens": () => ({ data: tokens }),
    "POST /api/v1/auth/tokens": (req: { body: unknown }) => {
      const body = req.body as { name: string; scopes: ApiToken["scopes"] };
      const made = token(tokens.length + 1, { name: body.name, scopes: body.scopes });
      tokens.unshift(made);
      return reply(201, { ...made, token: SECRET });
    },
    "DELETE /api/v1/auth/tokens/:id": (req: { params: Record<string, string> }) => {
      const t = tokens.find((x) => x.id === req.params.id);
      if (!t) return reply(404, { error: { code: "NOT_FOUND", message: "API token not found" } });
      Object.assign(t, { status: "revoked", revokedAt: "2026-03-02T10:00:00.000Z" });
      return t;
    },
  };
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));

describe("Settings › API tokens", () => {
  it("lists the user's tokens with scope, status and last use, from the link under the user's name", async () => {
    const { user, router } = renderApp(
      at("sessions"),
      tokensApi([
        token(1, { name: "nightly export", scopes: ["write"], lastUsedAt: "2026-03-02T09:00:00.000Z" }),
        token(2, { name: "old dashboard", status: "expired" }),
        token(3, { name: "leaked", status: "revoked", revokedAt: "2026-03-01T16:00:00.000Z" }),
      ]),
    );
    await user.click(await screen.findByRole("link", { name: "API tokens" }));
    expect(router.state.location.pathname).toBe(`/p/${PID}/settings/api-tokens`);
    await screen.findByRole("heading", { level: 1, name: "API tokens" });
    const table = await screen.findByRole("table", { name: "API tokens" });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3));
    const rows = rowsOf(table);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["nightly export", "write", "Active"],
      ["old dashboard", "read", "Expired"],
      ["leaked", "read", "Revoked"],
    ]);
    expect(rows[0]?.[5]).toMatch(/Mar 2, 2026/);
    expect(rows[1]?.[5]).toBe("Never");
    // Only a live token can be revoked.
    expect(within(table).getAllByRole("button", { name: /^Revoke token/ })).toHaveLength(1);

    // The tokens are the user's, not the practice's: switching practice stays on this screen.
    await user.click(within(screen.getByRole("complementary")).getByRole("button", { name: /Practice/ }));
    await user.click(await screen.findByRole("option", { name: "Harbor Occupational Health" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/p/${OTHER}/settings/api-tokens`));
  });

  it("creates a token: checks the form, sends name, days and scope, and shows the secret once with a copy button", async () => {
    const { user, server } = renderApp(at("settings/api-tokens"), tokensApi([]));
    await screen.findByText("No tokens yet.");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Create an API token" });
    const days = within(dialog).getByRole("textbox", { name: /Expires in/ });
    await user.clear(days);
    await user.type(days, "400");
    await user.click(within(dialog).getByRole("button", { name: "Create token" }));
    expect(within(dialog).getByText("Give the token a name that says what it is for.")).toBeTruthy();
    expect(within(dialog).getByText("A whole number of days from 1 to 365.")).toBeTruthy();
    expect(server.callsTo("POST", "/api/v1/auth/tokens")).toHaveLength(0);

    await user.type(within(dialog).getByRole("textbox", { name: /Name/ }), "nightly export");
    await user.clear(days);
    await user.type(days, "30");
    await user.click(within(dialog).getByRole("button", { name: /Scope/ }));
    await user.click(await screen.findByRole("option", { name: "Write (all your role allows)" }));
    await user.click(within(dialog).getByRole("button", { name: "Create token" }));

    const shown = await screen.findByRole("dialog", { name: "Your new API token" });
    expect(server.callsTo("POST", "/api/v1/auth/tokens")[0]?.body).toEqual({
      name: "nightly export",
      expiresInDays: 30,
      scopes: ["write"],
    });
    expect(within(shown).getByRole("alert").textContent).toMatch(/will not be shown again/);
    expect((within(shown).getByRole("textbox", { name: /nightly export/ }) as HTMLInputElement).value).toBe(
      SECRET,
    );
    await user.click(within(shown).getByRole("button", { name: "Copy token" }));
    await within(shown).findByText("Token copied.");
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    await user.click(within(shown).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const table = await screen.findByRole("table", { name: "API tokens" });
    await waitFor(() => expect(rowsOf(table).map((r) => r[0])).toEqual(["nightly export"]));
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it("offers a read-only user only the read scope", async () => {
    const readOnly = { ...me("read_only"), memberships: me("read_only").memberships.slice(0, 1) };
    const { user } = renderApp(at("settings/api-tokens"), { ...tokensApi([]), "GET /api/v1/me": readOnly });
    await screen.findByText("No tokens yet.");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Create an API token" });
    await user.click(within(dialog).getByRole("button", { name: /Scope/ }));
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Read (view only)"]);
  });

  it("revokes a token only after a confirmation", async () => {
    const { user, server } = renderApp(at("settings/api-tokens"), tokensApi([token(1, { name: "sync" })]));
    await user.click(await screen.findByRole("button", { name: "Revoke token sync" }));
    let confirm = await screen.findByRole("alertdialog", { name: "Revoke token sync?" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(server.callsTo("DELETE", "/api/v1/auth/tokens/:id")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Revoke token sync" }));
    confirm = await screen.findByRole("alertdialog", { name: "Revoke token sync?" });
    await user.click(within(confirm).getByRole("button", { name: "Revoke token" }));
    await screen.findByText("Token sync revoked.");
    expect(server.callsTo("DELETE", "/api/v1/auth/tokens/:id").map((c) => c.params.id)).toEqual([
      token(1).id,
    ]);
    const table = screen.getByRole("table", { name: "API tokens" });
    await waitFor(() => expect(rowsOf(table)[0]?.[2]).toBe("Revoked"));
    expect(within(table).queryByRole("button", { name: /^Revoke token/ })).toBeNull();
  });
});
