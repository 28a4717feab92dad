import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import { buildClientStatement, decideResponsibilityChange, signedLedgerCents } from "./client-ledger";
import type { StatementLine } from "./client-statement";

const line = (date: string, kind: StatementLine["kind"], amountCents: number): StatementLine => ({
  date,
  kind,
  description: kind,
  invoiceNumber: null,
  amountCents,
});
const practice = { name: "Calm Practice", addressLines: ["1 Main St"], phone: null, taxId: null };
const client = { id: "c1", name: "Ana Client", addressLines: [] };

describe("client ledger", () => {
  it("signs amounts by kind", () => {
    expect(signedLedgerCents("charge", 100)).toBe(100);
    expect(signedLedgerCents("refund", 100)).toBe(100);
    expect(signedLedgerCents("payment", 100)).toBe(-100);
    expect(signedLedgerCents("write_off", 100)).toBe(-100);
    expect(() => signedLedgerCents("payment", 0)).toThrow(DomainError);
  });

  it("an ERA change of client responsibility is one entry for the difference", () => {
    expect(decideResponsibilityChange(0, 3_000)).toEqual({ kind: "charge", signedCents: 3_000 });
    expect(decideResponsibilityChange(3_000, 1_000)).toEqual({ kind: "credit", signedCents: -2_000 });
    expect(decideResponsibilityChange(3_000, 3_000)).toBeNull();
  });

  it("a statement: balance forward, the range's lines, ending balance, amount due", () => {
    const entries = [
      line("2026-10-01", "charge", 15_000),
      line("2026-10-05", "payment", -10_000),
      line("2026-11-01", "charge", 15_000),
      line("2026-11-30", "payment", -5_000),
      line("2026-12-01", "payment", -50_000),
    ];
    const s = buildClientStatement({ practice, client, from: "2026-11-01", to: "2026-11-30", entries });
    expect(s.balanceForwardCents).toBe(5_000);
    expect(s.lines.map((l) => l.date)).toEqual(["2026-11-01", "2026-11-30"]);
    expect(s.endingBalanceCents).toBe(15_000);
    expect(s.amountDueCents).toBe(15_000);
    expect(s.creditOnAccountCents).toBe(0);
  });

  it("a negative ending balance is credit on account, nothing due", () => {
    const s = buildClientStatement({
      practice,
      client,
      from: "2026-11-01",
      to: "2026-11-30",
      entries: [line("2026-11-02", "charge", 1_000), line("2026-11-03", "payment", -1_500)],
    });
    expect(s).toMatchObject({
      balanceForwardCents: 0,
      endingBalanceCents: -500,
      amountDueCents: 0,
      creditOnAccountCents: 500,
    });
  });

  it("refuses a range that ends before it starts", () => {
    expect(() =>
      buildClientStatement({ practice, client, from: "2026-12-01", to: "2026-11-01", entries: [] }),
    ).toThrow(/start date/);
  });
});
