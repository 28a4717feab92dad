import { describe, expect, it } from "vitest";
import {
  decideClaimPosting,
  defaultPostingRules,
  type EraClaim,
  type EraLine,
  type ExistingPosting,
  findPostingRule,
  matchLine,
  type OurClaim,
  type PostingRule,
  postingEffects,
} from "./decide-claim-posting";

const ours: OurClaim = {
  id: "claim-1",
  payerId: "payer-1",
  lines: [
    {
      id: "l1",
      lineNumber: 1,
      controlNumber: "C1",
      code: "90837",
      dateOfService: "2026-11-02",
      chargeCents: 15_000,
    },
    {
      id: "l2",
      lineNumber: 2,
      controlNumber: "C2",
      code: "90785",
      dateOfService: "2026-11-02",
      chargeCents: 3_000,
    },
  ],
};

const eraLine = (over: Partial<EraLine> = {}): EraLine => ({
  code: "90837",
  modifiers: [],
  originalCode: null,
  dateOfService: "2026-11-02",
  chargeCents: 15_000,
  paidCents: 12_000,
  lineControlNumber: null,
  adjustments: [{ group: "CO", reasonCode: "45", amountCents: 3_000 }],
  ...over,
});

const era = (over: Partial<EraClaim> = {}): EraClaim => ({
  patientControlNumber: "PCN1",
  statusCode: "1",
  chargeCents: 15_000,
  paidCents: 12_000,
  patientResponsibilityCents: 0,
  payerClaimNumber: "PAYER-9",
  adjustments: [],
  lines: [eraLine()],
  crossoverPayer: null,
  ...over,
});

const decide = (e: EraClaim, existing: ExistingPosting[] = [], unknown: "block" | "deny" = "block") =>
  decideClaimPosting(e, ours, defaultPostingRules, unknown, existing);

describe("decideClaimPosting: payments and adjustments", () => {
  it("posts each line's payment and its contractual write-off, and says paid", () => {
    const plan = decide(era());
    expect(plan).toEqual({
      post: true,
      outcome: "paid",
      payerClaimNumber: "PAYER-9",
      postings: [
        {
          kind: "payment",
          claimLineId: "l1",
          groupCode: null,
          reasonCode: null,
          amountCents: 12_000,
          reversesPostingId: null,
        },
        {
          kind: "write_off",
          claimLineId: "l1",
          groupCode: "CO",
          reasonCode: "45",
          amountCents: 3_000,
          reversesPostingId: null,
        },
      ],
    });
  });

  it("moves PR-1/2/3 to the patient and posts nothing for a zero line payment", () => {
    const line = eraLine({
      paidCents: 0,
      adjustments: [{ group: "PR", reasonCode: "1", amountCents: 15_000 }],
    });
    const plan = decide(era({ paidCents: 0, patientResponsibilityCents: 15_000, lines: [line] }));
    expect(plan.post && plan.postings).toEqual([
      {
        kind: "patient_responsibility",
        claimLineId: "l1",
        groupCode: "PR",
        reasonCode: "1",
        amountCents: 15_000,
        reversesPostingId: null,
      },
    ]);
    expect(plan.post && plan.outcome).toBe("paid");
  });

  it("posts a payment that is not broken down by line at claim level", () => {
    const plan = decide(era({ lines: [], paidCents: 9_000 }));
    expect(plan.post && plan.postings).toEqual([
      {
        kind: "payment",
        claimLineId: null,
        groupCode: null,
        reasonCode: null,
        amountCents: 9_000,
        reversesPostingId: null,
      },
    ]);
  });

  it("posts only the claim-level remainder beside line payments, and claim-level adjustments without a line", () => {
    const plan = decide(
      era({ paidCents: 12_500, adjustments: [{ group: "CO", reasonCode: "253", amountCents: 200 }] }),
    );
    expect(plan.post && plan.postings.filter((p) => p.claimLineId === null)).toEqual([
      {
        kind: "payment",
        claimLineId: null,
        groupCode: null,
        reasonCode: null,
        amountCents: 500,
        reversesPostingId: null,
      },
      {
        kind: "write_off",
        claimLineId: null,
        groupCode: "CO",
        reasonCode: "253",
        amountCents: 200,
        reversesPostingId: null,
      },
    ]);
  });
});

describe("decideClaimPosting: codes without a rule", () => {
  const unknownCode = eraLine({ adjustments: [{ group: "CO", reasonCode: "97", amountCents: 3_000 }] });

  it("queues the claim when the practice blocks unknown codes, naming the code and amount", () => {
    const plan = decide(era({ lines: [unknownCode] }));
    expect(plan).toEqual({
      post: false,
      queue: {
        kind: "blocked_code",
        reason: "CO-97 ($30.00) has no posting rule",
        details: { group: "CO", reasonCode: "97", amountCents: 3_000 },
      },
    });
  });

  it("posts a denial when the practice chose deny: partly paid with a payment, denied without one", () => {
    const partly = decide(era({ lines: [unknownCode] }), [], "deny");
    expect(partly.post && partly.outcome).toBe("partially_paid");
    expect(partly.post && partly.postings.map((p) => p.kind)).toEqual(["payment", "denial"]);
    const none = decide(era({ paidCents: 0, lines: [{ ...unknownCode, paidCents: 0 }] }), [], "deny");
    expect(none.post && none.outcome).toBe("denied");
  });

  it("says denied for CLP02 4 whatever the postings", () => {
    const plan = decide(
      era({ statusCode: "4", paidCents: 0, lines: [eraLine({ paidCents: 0, adjustments: [] })] }),
    );
    expect(plan.post && plan.outcome).toBe("denied");
  });

  it("queues a code whose rule says block, saying so rather than 'no rule'", () => {
    const rules: PostingRule[] = [{ payerId: null, groupCode: "CO", reasonCode: "45", action: "block" }];
    const plan = decideClaimPosting(era(), ours, rules, "deny", []);
    expect(plan.post === false && plan.queue.reason).toBe("CO-45 ($30.00) is set to block auto-posting");
  });
});

describe("decideClaimPosting: matching lines", () => {
  it("queues a line that matches none of ours", () => {
    const plan = decide(era({ lines: [eraLine({ code: "99213" })] }));
    expect(plan.post === false && plan.queue.kind).toBe("unmatched_line");
    expect(plan.post === false && plan.queue.reason).toContain("99213 on 2026-11-02");
  });

  it("does not match one of our lines twice", () => {
    const plan = decide(era({ lines: [eraLine(), eraLine({ paidCents: 0, adjustments: [] })] }));
    expect(plan.post === false && plan.queue.kind).toBe("unmatched_line");
  });

  it("matches by line control number first, then by the adjudicated code's original (SVC06)", () => {
    expect(matchLine(ours.lines, eraLine({ code: "XXXXX", lineControlNumber: "C2" }), new Set())?.id).toBe(
      "l2",
    );
    expect(matchLine(ours.lines, eraLine({ code: "90834", originalCode: "90785" }), new Set())?.id).toBe(
      "l2",
    );
    expect(matchLine(ours.lines, eraLine({ dateOfService: null }), new Set(["l1"]))).toBeUndefined();
  });
});

describe("decideClaimPosting: reversals (CLP02 22)", () => {
  const posted: ExistingPosting[] = [
    {
      id: "p1",
      kind: "payment",
      amountCents: 12_000,
      claimLineId: "l1",
      groupCode: null,
      reasonCode: null,
      reversesPostingId: null,
    },
    {
      id: "p2",
      kind: "write_off",
      amountCents: 3_000,
      claimLineId: "l1",
      groupCode: "CO",
      reasonCode: "45",
      reversesPostingId: null,
    },
  ];

  it("negates every live posting when the reversal's amount matches what was paid", () => {
    const plan = decide(era({ statusCode: "22", paidCents: -12_000 }), posted);
    expect(plan.post && plan.outcome).toBe("reversed");
    expect(plan.post && plan.postings.map((p) => [p.reversesPostingId, p.amountCents])).toEqual([
      ["p1", -12_000],
      ["p2", -3_000],
    ]);
  });

  it("queues a reversal with nothing to reverse, or whose amount differs from what is posted", () => {
    const nothing = decide(era({ statusCode: "22", paidCents: -12_000 }), []);
    expect(nothing.post === false && nothing.queue.kind).toBe("reversal_without_original");
    const differs = decide(era({ statusCode: "22", paidCents: -10_000 }), posted);
    expect(differs.post === false && differs.queue.reason).toBe(
      "Reversal of $100.00 does not match the $120.00 posted",
    );
  });

  it("does not reverse what an earlier reversal already undid", () => {
    const undone: ExistingPosting[] = [
      ...posted,
      { ...posted[0]!, id: "r1", amountCents: -12_000, reversesPostingId: "p1" },
      { ...posted[1]!, id: "r2", amountCents: -3_000, reversesPostingId: "p2" },
    ];
    const plan = decide(era({ statusCode: "22", paidCents: -12_000 }), undone);
    expect(plan.post === false && plan.queue.kind).toBe("reversal_without_original");
  });
});

describe("findPostingRule and postingEffects", () => {
  it("prefers the payer's own rule over any payer's", () => {
    const rules: PostingRule[] = [
      { payerId: null, groupCode: "CO", reasonCode: "45", action: "write_off" },
      { payerId: "payer-1", groupCode: "CO", reasonCode: "45", action: "informational" },
    ];
    const a = { group: "CO", reasonCode: "45", amountCents: 1 };
    expect(findPostingRule(rules, "payer-1", a)?.action).toBe("informational");
    expect(findPostingRule(rules, "payer-2", a)?.action).toBe("write_off");
    expect(findPostingRule(rules, "payer-2", { ...a, reasonCode: "46" })).toBeUndefined();
  });

  it("sums postings into what insurance paid, what was written off and what moved to the client", () => {
    expect(
      postingEffects([
        { kind: "payment", amountCents: 12_000 },
        { kind: "payment", amountCents: -2_000 },
        { kind: "write_off", amountCents: 3_000 },
        { kind: "patient_responsibility", amountCents: 1_500 },
        { kind: "denial", amountCents: 700 },
      ]),
    ).toEqual({ insurancePaidCents: 10_000, writeOffCents: 3_000, toClientCents: 1_500 });
  });
});
