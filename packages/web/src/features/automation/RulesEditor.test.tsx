import { type ExclusionRule, SELF_PAY_RULE } from "@billcycle/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Directory } from "../../api/directory";
import { RulesEditor } from "./RulesEditor";
import { ruleProblems } from "./rule-fields";

const PAYER = "66666666-6666-7666-8666-666666666666";
const directory = {
  payers: new Map([[PAYER, { id: PAYER, name: "Blue Prairie Health" }]]),
  providers: new Map(),
  locations: new Map(),
  clients: new Map(),
  services: new Map(),
  products: new Map(),
} as unknown as Directory;

const setup = (rules: ExclusionRule[] = []) => {
  const onSave = vi.fn(async (_: ExclusionRule[]) => undefined);
  const user = userEvent.setup();
  render(
    <RulesEditor
      kind="invoice_creation"
      title="Invoice Creation"
      rules={rules}
      labels={{ [PAYER]: "Blue Prairie Health" }}
      directory={directory}
      onSave={onSave}
      isSaving={false}
    />,
  );
  const words = () => screen.getByTestId("rules-words-invoice_creation").textContent;
  /** Picks an option of a react-aria Select by the Select's label. */
  const choose = async (label: string, option: string) => {
    await user.click(screen.getByRole("button", { name: new RegExp(label) }));
    await user.click(await screen.findByRole("option", { name: option }));
  };
  return { user, onSave, words, choose };
};

describe("exclusion rules editor", () => {
  it("builds rules: AND within a rule, OR between rules, in words as you go", async () => {
    const { user, words, choose, onSave } = setup();
    expect(words()).toBe("Nothing is excluded.");

    await user.click(screen.getByRole("button", { name: "+ Add rule (or)" }));
    expect(words()).toBe("Excludes items where (client pays by = self-pay).");

    await user.click(screen.getByRole("button", { name: "Add condition to Rule 1" }));
    await choose("Rule 1, condition 2 field", "Primary payer");
    await choose("Rule 1, condition 2 value", "Blue Prairie Health");
    expect(words()).toBe(
      "Excludes items where (client pays by = self-pay and primary payer = Blue Prairie Health).",
    );

    await user.click(screen.getByRole("button", { name: "+ Add rule (or)" }));
    const name = screen.getAllByRole("textbox", { name: "Rule name" })[1]!;
    await user.clear(name);
    await user.type(name, "Small");
    await choose("Small, condition 1 field", "Amount");
    await choose("Small, condition 1 operator", "is between");
    await user.type(screen.getByRole("textbox", { name: "Small, condition 1 amount from" }), "0");
    await user.type(screen.getByRole("textbox", { name: "Small, condition 1 amount to" }), "12.5");
    expect(words()).toBe(
      "Excludes items where (client pays by = self-pay and primary payer = Blue Prairie Health) or (amount between $0.00 and $12.50).",
    );

    await user.click(screen.getByRole("button", { name: "Save Invoice Creation rules" }));
    const saved = onSave.mock.calls[0]?.[0] ?? [];
    expect(saved).toHaveLength(2);
    expect(saved[0]?.conditions).toEqual([
      { field: "client_pays_by", operator: "equals", values: ["self_pay"] },
      { field: "primary_payer", operator: "equals", values: [PAYER] },
    ]);
    expect(saved[1]).toMatchObject({
      name: "Small",
      conditions: [{ field: "amount", operator: "between", values: ["0", "1250"] }],
    });
  });

  it("removes a condition and a rule; the other inputs keep what was typed", async () => {
    const { user, words } = setup([
      {
        id: "r1",
        name: "Codes",
        conditions: [
          { field: "service_code", operator: "in", values: ["90791", "90837"] },
          { field: "client_pays_by", operator: "equals", values: ["insurance"] },
        ],
      },
      SELF_PAY_RULE,
    ]);
    expect(words()).toBe(
      "Excludes items where (service code is one of 90791, 90837 and client pays by = insurance) or (client pays by = self-pay).",
    );
    await user.click(screen.getByRole("button", { name: "Remove Codes, condition 2" }));
    expect(words()).toBe(
      "Excludes items where (service code is one of 90791, 90837) or (client pays by = self-pay).",
    );
    expect(
      (screen.getByRole("textbox", { name: "Codes, condition 1 codes" }) as HTMLInputElement).value,
    ).toBe("90791, 90837");
    // A rule's last condition cannot be removed: remove the rule instead.
    expect(screen.getByRole("button", { name: "Remove Codes, condition 1" }).hasAttribute("disabled")).toBe(
      true,
    );
    await user.click(screen.getByRole("button", { name: "Remove rule Self-pay" }));
    expect(words()).toBe("Excludes items where (service code is one of 90791, 90837).");
  });

  it("refuses to save a condition missing its values, and says which", async () => {
    const { user, choose, onSave } = setup();
    await user.click(screen.getByRole("button", { name: "+ Add rule (or)" }));
    await choose("Rule 1, condition 1 field", "Appointment date");
    await choose("Rule 1, condition 1 operator", "is between");
    await user.click(screen.getByRole("button", { name: "Save Invoice Creation rules" }));
    const alert = screen.getByRole("alert");
    expect(
      within(alert).getByText(/Rule 1, condition 1: appointment date is between needs 2 values/),
    ).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it("discards unsaved changes", async () => {
    const { user, words } = setup([SELF_PAY_RULE]);
    const discard = screen.getByRole("button", { name: "Discard changes" });
    expect(discard.hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Remove rule Self-pay" }));
    expect(words()).toBe("Nothing is excluded.");
    await user.click(discard);
    expect(words()).toBe("Excludes items where (client pays by = self-pay).");
  });
});

describe("ruleProblems", () => {
  it("accepts complete rules and names the incomplete ones", () => {
    expect(ruleProblems([SELF_PAY_RULE])).toEqual([]);
    expect(
      ruleProblems([
        { id: "a", name: " ", conditions: [{ field: "amount", operator: "between", values: ["0"] }] },
        { id: "b", name: "Empty", conditions: [] },
      ]),
    ).toEqual([
      "Rule 1 needs a name.",
      "Rule 1, condition 1: amount is between needs 2 values.",
      "Empty needs at least one condition.",
    ]);
  });
});
