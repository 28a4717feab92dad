import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { reply } from "../../test/api-mock";
import { automationSettings, me, OTHER, PID, page } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

describe("signing in and out", () => {
  it("sends a visitor to sign in, then back where they were going", async () => {
    let signedIn = false;
    const { user, router, server } = renderApp(
      at("settings/automation"),
      {
        "GET /api/v1/me": () =>
          signedIn ? me() : reply(401, { error: { code: "UNAUTHENTICATED", message: "Sign in" } }),
        "POST /api/v1/auth/login": (req: { body: unknown }) => {
          const { password } = req.body as { password: string };
          if (password !== "right") return reply(401, { error: { code: "UNAUTHENTICATED", message: "bad" } });
          signedIn = true;
          return me();
        },
        "GET /api/v1/practices/:pid/automation": automationSettings(),
      },
      null,
    );
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent(`/p/${PID}/settings/automation`)}`);

    await user.type(screen.getByRole("textbox", { name: "Email" }), "owner@demo.billcycle.test");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "That email and password do not match an account.",
    );

    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "right");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("heading", { level: 1, name: "Automation Settings" });
    expect(server.callsTo("POST", "/api/v1/auth/login").at(-1)?.body).toEqual({
      email: "owner@demo.billcycle.test",
      password: "right",
    });
  });

  it("signs out", async () => {
    let signedIn = true;
    const { user } = renderApp(at("automation-runs"), {
      "GET /api/v1/me": () =>
        signedIn ? me() : reply(401, { error: { code: "UNAUTHENTICATED", message: "Sign in" } }),
      "POST /api/v1/auth/logout": () => {
        signedIn = false;
        return reply(204);
      },
      "GET /api/v1/practices/:pid/automation-runs": page([]),
    });
    await user.click(await screen.findByRole("button", { name: "Sign out" }));
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
  });
});

describe("the practice frame", () => {
  it("shows who is signed in with their role, and switches practice on the same screen", async () => {
    const { user, router } = renderApp(at("automation-runs"), {
      "GET /api/v1/practices/:pid/automation-runs": page([]),
    });
    const sidebar = await screen.findByRole("complementary");
    await within(sidebar).findByText("Olivia Owner");
    expect(within(sidebar).getByText("Owner")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Automation runs" }).getAttribute("aria-current")).toBe(
      "page",
    );

    await user.click(within(sidebar).getByRole("button", { name: /Practice/ }));
    await user.click(await screen.findByRole("option", { name: "Harbor Occupational Health" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/p/${OTHER}/automation-runs`));
    await within(sidebar).findByText("Biller");
  });

  it("answers a practice the user does not belong to with Not found", async () => {
    renderApp("/p/00000000-0000-7000-8000-000000000000/sessions");
    await screen.findByRole("heading", { level: 1, name: "Not found" });
  });

  it("opens the practice used last", async () => {
    window.localStorage.setItem("billcycle.practice", OTHER);
    const { router } = renderApp("/", { "GET /api/v1/practices/:pid/appointments": page([]) });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/p/${OTHER}/sessions`));
  });
});
