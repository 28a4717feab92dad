import { describe, expect, it } from "vitest";
import { type AutopayFacts, decideAutopay } from "./decide-autopay";

const facts = (over: Partial<AutopayFacts> = {}): AutopayFacts => ({
  today: "2026-03-02",
  practiceAutopay: true,
  clientAutopay: true,
  card: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 },
  openCents: 2500,
  attempts: [],
  maxAttempts: 3,
  ...over,
});

const declined = (
  localDate: string,
  declineMessage: string | null = "Your card has insufficient funds.",
) => ({
  localDate,
  outcome: "declined" as const,
  declineMessage,
});

describe("decideAutopay", () => {
  it("charges the open balance of a bill with everything in place, as the first attempt", () => {
    expect(decideAutopay(facts())).toEqual({ charge: true, amountCents: 2500, attemptNumber: 1 });
  });

  it.each([
    [{ practiceAutopay: false }, "AUTOPAY_OFF_PRACTICE"],
    [{ clientAutopay: false }, "AUTOPAY_OFF_CLIENT"],
    [{ card: null }, "NO_DEFAULT_CARD"],
    [{ openCents: 0 }, "NOTHING_DUE"],
    [{ openCents: -500 }, "NOTHING_DUE"],
    [{ card: { brand: "visa", last4: "4242", expMonth: 2, expYear: 2026 } }, "CARD_EXPIRED"],
  ] as const)("skips with %o → %s", (over, code) => {
    const d = decideAutopay(facts(over));
    expect(d).toMatchObject({ charge: false, code });
  });

  it("never charges again while an earlier charge's outcome is unknown or pending", () => {
    for (const outcome of ["unknown", "pending"] as const) {
      const d = decideAutopay(
        facts({ attempts: [{ localDate: "2026-03-01", outcome, declineMessage: null }] }),
      );
      expect(d).toMatchObject({ charge: false, code: "CHARGE_IN_FLIGHT" });
    }
  });

  it("a bill autopay charged once is not charged again", () => {
    const d = decideAutopay(
      facts({ attempts: [{ localDate: "2026-03-01", outcome: "succeeded", declineMessage: null }] }),
    );
    expect(d).toMatchObject({ charge: false, code: "ALREADY_CHARGED" });
  });

  it("after a decline it tries again the next night, once a night, up to the attempts allowed", () => {
    expect(decideAutopay(facts({ attempts: [declined("2026-03-01")] }))).toEqual({
      charge: true,
      amountCents: 2500,
      attemptNumber: 2,
    });
    expect(decideAutopay(facts({ attempts: [declined("2026-03-02")] }))).toMatchObject({
      charge: false,
      code: "ALREADY_TRIED_TODAY",
    });
    const usedUp = decideAutopay(
      facts({
        attempts: [
          declined("2026-02-27"),
          declined("2026-02-28", "Your card was declined."),
          declined("2026-03-01"),
        ],
      }),
    );
    expect(usedUp).toEqual({
      charge: false,
      code: "ATTEMPTS_USED_UP",
      message: "autopay tried 3 times and stopped (last: Your card has insufficient funds.)",
    });
    expect(
      decideAutopay(
        facts({
          maxAttempts: 4,
          attempts: [declined("2026-02-27"), declined("2026-02-28"), declined("2026-03-01")],
        }),
      ),
    ).toMatchObject({ charge: true, attemptNumber: 4 });
  });

  it("names the expired card in words", () => {
    const d = decideAutopay(facts({ card: { brand: "visa", last4: "0341", expMonth: 1, expYear: 2026 } }));
    expect(d).toEqual({
      charge: false,
      code: "CARD_EXPIRED",
      message: "the default card (visa ending 0341) expired 01/2026",
    });
  });
});
