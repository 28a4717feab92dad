import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PAYER, page } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";
import { rule } from "./remittances.fixtures";
import type { PostingRule } from "./remittances-api";

const settings = {
  settings: { disabledWarnings: [], unknownCodeAction: "block", connectionId: null },
  version: 0,
  defaults: { disabledWarnings: [], unknownCodeAction: "block", connectionId: null },
  warningEdits: ["TIMELY_FILING_EXCEEDED", "DUPLICATE_CLAIM"],
};

const rulesApi = (initial: PostingRule[]) => {
  const rules = [...initial];
  return {
    rules,
    routes: {
      "GET /api/v1/practices/:pid/posting-rules": () => page(rules),
      "POST /api/v1/practices/:pid/posting-rules": (req: { body: unknown }) => {
        const created = rule(rules.length + 1, { ...(req.body as Partial<PostingRule>), version: 1 });
        rules.push(created);
        return created;
      },
      "GET /api/v1/practices/:pid/claims-settings": settings,
    },
  };
};

describe("posting rules", () => {
  it("lists the rules by payer, group and reason code, and their actions", async () => {
    const { routes } = rulesApi([
      rule(1),
      rule(2, { payerId: PAYER, groupCode: "PR", reasonCode: "1", action: "patient_responsibility" }),
    ]);
    renderApp(at("posting-rules"), routes);
    const table = await screen.findByRole("table", { name: "Posting rules" });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole("row")
          .slice(1)
          .map((r) => [...r.querySelectorAll("td")].slice(0, 4).map((td) => td.textContent)),
      ).toEqual([
        ["Any payer", "CO", "45", "Write off"],
        ["Blue Prairie Health", "PR", "1", "Patient responsibility"],
      ]),
    );
  });

  it("adds a rule from the dialog: validates the code, posts it and shows it", async () => {
    const { routes } = rulesApi([rule(1)]);
    const { user, server } = renderApp(at("posting-rules"), routes);
    await screen.findByRole("table", { name: "Posting rules" });
    await user.click(screen.getByRole("button", { name: "Add rule" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a posting rule" });
    const choose = async (label: string, option: string) => {
      await user.click(within(dialog).getByRole("button", { name: new RegExp(label) }));
      await user.click(await screen.findByRole("option", { name: option }));
    };
    await choose("Payer", "Blue Prairie Health");
    await choose("Group code", "OA — other adjustment");
    await user.type(within(dialog).getByRole("textbox", { name: /Reason code/ }), "b7!");
    await user.click(within(dialog).getByRole("button", { name: "Save rule" }));
    expect(within(dialog).getByText("A CARC reason code such as 45 or B7.")).toBeTruthy();
    expect(within(dialog).getByText("Choose an action.")).toBeTruthy();
    expect(server.callsTo("POST", "/api/v1/practices/:pid/posting-rules")).toHaveLength(0);

    await user.clear(within(dialog).getByRole("textbox", { name: /Reason code/ }));
    await user.type(within(dialog).getByRole("textbox", { name: /Reason code/ }), "b7");
    await choose("Action", "Denial");
    await user.click(within(dialog).getByRole("button", { name: "Save rule" }));
    await screen.findByText("Rule OA-B7 saved.");
    expect(server.callsTo("POST", "/api/v1/practices/:pid/posting-rules")[0]?.body).toEqual({
      payerId: PAYER,
      groupCode: "OA",
      reasonCode: "B7",
      action: "denial",
    });
    const row = (await screen.findByRole("button", { name: "Edit rule OA-B7" })).closest("tr")!;
    expect(row.textContent).toContain("Blue Prairie Health");
    expect(row.textContent).toContain("Denial");
  });

  it("edits a rule under its version and deletes one through a confirmation", async () => {
    const { routes } = rulesApi([rule(1)]);
    const { user, server } = renderApp(at("posting-rules"), {
      ...routes,
      "PATCH /api/v1/practices/:pid/posting-rules/:id": (req: { body: unknown }) => ({
        ...rule(1),
        ...(req.body as object),
        version: 3,
      }),
      "DELETE /api/v1/practices/:pid/posting-rules/:id": null,
    });
    await user.click(await screen.findByRole("button", { name: "Edit rule CO-45" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit rule CO-45" });
    await user.click(within(dialog).getByRole("button", { name: /Action/ }));
    await user.click(await screen.findByRole("option", { name: "Informational (no posting)" }));
    await user.click(within(dialog).getByRole("button", { name: "Save rule" }));
    await screen.findByText("Rule CO-45 saved.");
    expect(server.callsTo("PATCH", "/api/v1/practices/:pid/posting-rules/:id")[0]?.body).toEqual({
      payerId: null,
      groupCode: "CO",
      reasonCode: "45",
      action: "informational",
      version: 2,
    });

    await user.click(screen.getByRole("button", { name: "Delete rule CO-45" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Delete rule CO-45?" });
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Cancel" }));
    await user.click(within(confirm).getByRole("button", { name: "Delete rule" }));
    await screen.findByText("Rule CO-45 deleted.");
    expect(server.callsTo("DELETE", "/api/v1/practices/:pid/posting-rules/:id")[0]?.path).toContain(
      String(rule(1).id),
    );
  });

  it("saves the choice for codes without a rule under the settings' version", async () => {
    const { routes } = rulesApi([]);
    const { user, server } = renderApp(at("posting-rules"), {
      ...routes,
      "PUT /api/v1/practices/:pid/claims-settings": (req: { body: { settings: object } }) => ({
        settings: req.body.settings,
        version: 1,
      }),
    });
    const section = await screen.findByRole("region", { name: "Codes without a rule" });
    await user.click(
      await within(section).findByRole("button", { name: /When an adjustment code has no rule/ }),
    );
    await user.click(await screen.findByRole("option", { name: "Post it as a denial" }));
    await user.click(within(section).getByRole("button", { name: "Save choice" }));
    await within(section).findByText("Codes without a rule: Post it as a denial.");
    expect(server.callsTo("PUT", "/api/v1/practices/:pid/claims-settings")[0]?.body).toEqual({
      settings: { disabledWarnings: [], unknownCodeAction: "deny", connectionId: null },
      version: 0,
    });
  });

  it("a read-only user sees the rules and the choice but no edit controls", async () => {
    const { routes } = rulesApi([rule(1)]);
    renderApp(at("posting-rules"), routes, "read_only");
    await screen.findByText("Your role can view these rules but not change them.");
    await screen.findByText("Write off");
    expect(screen.queryByRole("button", { name: "Add rule" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^(Edit|Delete) rule/ })).toBeNull();
    expect((await screen.findByRole("region", { name: "Codes without a rule" })).textContent).toContain(
      "When an adjustment code has no rule: Hold the claim in the work queue.",
    );
    expect(screen.queryByRole("button", { name: "Save choice" })).toBeNull();
  });
});
