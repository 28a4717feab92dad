import { validate837P } from "@billcycle/testing/x12-validator/index";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Batch837P,
  type Claim837P,
  type ControlNumberKind,
  type ControlNumberSource,
  counterControlNumbers,
  generate837P,
  parse837P,
  type Write837POptions,
  write837P,
  X12Error,
} from "../src/index.js";
import {
  batch,
  billingProvider,
  claim,
  dependent,
  header,
  line,
  payer,
  subscriber,
} from "./helpers/claims.js";
import { thrown } from "./helpers/samples.js";

function options(overrides: Partial<Write837POptions> = {}): Write837POptions {
  return { controlNumbers: counterControlNumbers(7), ...overrides };
}

function write(b: Batch837P, overrides: Partial<Write837POptions> = {}): string {
  return write837P(b, options(overrides));
}

/** A batch of `claims` whose first transaction's header is `h`. */
function withHeader(h: unknown, claims: Claim837P[] = [claim("P1")]): Batch837P {
  const b = batch(claims);
  b.transactions = [{ header: h as typeof header, claims }];
  return b;
}

/** The `i`-th claim of the first transaction, as a record to break. */
function claimOf(b: Batch837P, i: number): Record<string, unknown> {
  const c = b.transactions[0]?.claims[i];
  if (c === undefined) throw new Error(`no claim ${i}`);
  return c as unknown as Record<string, unknown>;
}

/** The error of `fn`, which must be an INVALID_MODEL X12Error. */
function refusal(fn: () => unknown): X12Error {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(X12Error);
  expect((err as X12Error).code).toBe("INVALID_MODEL");
  return err as X12Error;
}

describe("837P writer: models without a loop the guide requires are refused", () => {
  it("refuses a transaction without claims (no 2000A), at both levels, before drawing any control number", () => {
    for (const validation of ["strict", "structural"] as const) {
      const drawn: ControlNumberKind[] = [];
      const b = batch([]);
      const chunks: string[] = [];
      const err = refusal(() => {
        for (const chunk of generate837P(b, {
          validation,
          controlNumbers: (kind) => {
            drawn.push(kind);
            return 1;
          },
        }))
          chunks.push(chunk);
      });
      expect(err.path).toBe("transactions[0].claims");
      expect(err.message).toContain("at least one claim");
      expect(chunks).toEqual([]);
      expect(drawn).toEqual([]);
    }
  });

  it("names the transaction that has no claims", () => {
    const b = batch([claim("P1")]);
    b.transactions.push({ header, claims: [] });
    expect(refusal(() => write(b)).path).toBe("transactions[1].claims");
  });

  it("refuses a batch without transaction sets (a GS with no ST)", () => {
    const b = batch([claim("P1")]);
    b.transactions = [];
    expect(refusal(() => write(b)).path).toBe("transactions");
  });

  const missing: Array<[string, (b: Batch837P) => void, string]> = [
    ["interchange", (b) => Reflect.deleteProperty(b, "interchange"), "interchange"],
    ["group", (b) => Reflect.deleteProperty(b, "group"), "group"],
    [
      "claims array",
      (b) => Reflect.deleteProperty(b.transactions[0] as object, "claims"),
      "transactions[0].claims",
    ],
    [
      "transaction header",
      (b) => Reflect.deleteProperty(b.transactions[0] as object, "header"),
      "transactions[0].header",
    ],
    [
      "billing provider",
      (b) => Reflect.deleteProperty(claimOf(b, 1), "billingProvider"),
      "transactions[0].claims[1].billingProvider",
    ],
    [
      "subscriber",
      (b) => Reflect.deleteProperty(claimOf(b, 1), "subscriber"),
      "transactions[0].claims[1].subscriber",
    ],
    ["payer", (b) => Reflect.deleteProperty(claimOf(b, 1), "payer"), "transactions[0].claims[1].payer"],
    [
      "claim",
      (b) => {
        (b.transactions[0] as { claims: unknown[] }).claims[1] = undefined;
      },
      "transactions[0].claims[1]",
    ],
    [
      "service line",
      (b) => {
        claimOf(b, 1).lines = [null];
      },
      "transactions[0].claims[1].lines[0]",
    ],
    [
      "submitter contacts",
      (b) => {
        const t = b.transactions[0] as { header: unknown };
        t.header = { ...header, submitter: { name: header.submitter.name } };
      },
      "transactions[0].header.submitter.contacts",
    ],
  ];
  for (const [name, mutate, path] of missing) {
    it(`refuses a missing ${name} with INVALID_MODEL (not a TypeError) at ${path}`, () => {
      const b = batch([claim("P1"), claim("P2")]);
      mutate(b);
      for (const validation of ["strict", "structural"] as const)
        expect(refusal(() => write(b, { validation })).path).toBe(path);
    });
  }

  it("refuses submitter contacts the 1000A PER cannot carry", () => {
    const contact = header.submitter.contacts[0] as (typeof header.submitter.contacts)[number];
    const contacts = (list: unknown) =>
      withHeader({ ...header, submitter: { ...header.submitter, contacts: list } });
    // PER is required in 1000A (strict), and repeats at most twice (always).
    expect(validate837P(write(contacts([contact, contact])))).toEqual([]);
    expect(refusal(() => write(contacts([]))).path).toBe("transactions[0].header.submitter.contacts");
    expect(
      refusal(() => write(contacts([contact, contact, contact]), { validation: "structural" })).path,
    ).toBe("transactions[0].header.submitter.contacts");
    // PER03/PER04 are required; at most three numbers fit (PER03-PER08).
    expect(refusal(() => write(contacts([{ name: "X", numbers: [] }]))).path).toBe(
      "transactions[0].header.submitter.contacts[0].numbers",
    );
    const four = Array(4).fill({ qualifier: "TE", value: "2175551212" });
    expect(refusal(() => write(contacts([{ numbers: four }]), { validation: "structural" })).path).toBe(
      "transactions[0].header.submitter.contacts[0].numbers",
    );
    expect(refusal(() => write(contacts([{ numbers: [{ qualifier: "EX", value: "12" }] }]))).path).toBe(
      "transactions[0].header.submitter.contacts[0].numbers[0].qualifier",
    );
  });

  it("refuses more than two billing provider contacts and a pay-to entity type that is not 1 or 2", () => {
    const contacts = Array(3).fill(billingProvider.contacts?.[0]);
    expect(
      refusal(() => write(batch([claim("P1", { billingProvider: { ...billingProvider, contacts } })]))).path,
    ).toBe("transactions[0].claims[0].billingProvider.contacts");
    const payTo = { entityType: "3" as never, address: { ...billingProvider.address, line1: "PO BOX 1" } };
    expect(
      refusal(() => write(batch([claim("P1", { billingProvider: { ...billingProvider, payTo } })]))).path,
    ).toBe("transactions[0].claims[0].billingProvider.payTo.entityType");
  });
});

describe("837P writer: options that would lose claims are refused", () => {
  const bad: Array<[keyof Write837POptions, number]> = [
    ["maxLinesPerClaim", Number.NaN],
    ["maxLinesPerClaim", -1],
    ["maxClaimsPerTransaction", 0],
    ["maxClaimsPerBillingProvider", 0],
    ["maxClaimsPerBillingProvider", 2.5],
  ];
  for (const [name, value] of bad) {
    it(`refuses ${name}: ${value}`, () => {
      const err = refusal(() => write(batch([claim("P1"), claim("P2")]), { [name]: value }));
      expect(err.path).toBe(`options.${name}`);
      expect(err.found).toBe(String(value));
    });
  }

  it("refuses a split suffix that gives no patient control number, at the claim's path", () => {
    const lines = Array.from({ length: 3 }, (_, i) => line(i + 1));
    const err = refusal(() =>
      write(batch([claim("P1"), claim("P2", { lines })]), { maxLinesPerClaim: 2, splitSuffix: () => "" }),
    );
    expect(err.path).toBe("transactions[0].claims[1].patientControlNumber");
  });

  it("names the claim whose split part's patient control number is too long", () => {
    const lines = Array.from({ length: 3 }, (_, i) => line(i + 1));
    const err = refusal(() =>
      write(batch([claim("P1"), claim("P".repeat(19), { lines })]), { maxLinesPerClaim: 2 }),
    );
    expect(err).toMatchObject({
      path: "transactions[0].claims[1].patientControlNumber",
      found: `${"P".repeat(19)}-1`,
    });
  });
});

describe("837P writer: a value containing a delimiter is refused with the path of its model field", () => {
  it("names the claim and field in a batch (CLM01 of the second claim)", () => {
    const err = refusal(() => write(batch([claim("P1"), claim("P*2"), claim("P3")])));
    expect(err).toMatchObject({
      segmentId: "CLM",
      elementPosition: 1,
      found: "P*2",
      path: "transactions[0].claims[1].patientControlNumber",
    });
    expect(err.message).toContain("at transactions[0].claims[1].patientControlNumber");
  });

  const C = "transactions[0].claims[1]";
  const cases: Array<[string, () => Batch837P, string, string]> = [
    [
      "subscriber first name (segment terminator)",
      () =>
        batch([
          claim("P1"),
          claim("P2", { subscriber: { ...subscriber, name: { ...subscriber.name, firstName: "J~X" } } }),
        ]),
      "NM1",
      `${C}.subscriber.name.firstName`,
    ],
    [
      "payer address",
      () =>
        batch([
          claim("P1"),
          claim("P2", { payer: { ...payer, address: { ...payer.address, line1: "PO*BOX" } as never } }),
        ]),
      "N3",
      `${C}.payer.address.line1`,
    ],
    [
      "dependent patient name",
      () =>
        batch([
          claim("P1"),
          claim("P2", { patient: { ...dependent, name: { ...dependent.name, lastName: "DO*E" } } }),
        ]),
      "NM1",
      `${C}.patient.name.lastName`,
    ],
    [
      "billing provider contact (component separator)",
      () =>
        batch([
          claim("P1"),
          claim("P2", {
            billingProvider: {
              ...billingProvider,
              contacts: [{ name: "A:B", numbers: [{ qualifier: "TE", value: "1" }] }],
            },
          }),
        ]),
      "PER",
      `${C}.billingProvider.contacts[0].name`,
    ],
    [
      "claim note",
      () => batch([claim("P1"), claim("P2", { note: { reference: "ADD", text: "SEE*ATTACHED" } })]),
      "NTE",
      `${C}.note.text`,
    ],
    [
      "procedure description of the second line (a composite component)",
      () =>
        batch([
          claim("P1"),
          claim("P2", { lines: [line(1), line(2, { procedure: { code: "99213", description: "A:B" } })] }),
        ]),
      "SV1",
      `${C}.lines[1].procedure.description`,
    ],
    [
      "line control number (repetition separator)",
      () => batch([claim("P1"), claim("P2", { lines: [line(1, { lineControlNumber: "L^1" })] })]),
      "REF",
      `${C}.lines[0].lineControlNumber`,
    ],
    [
      "a segment kept by the reader",
      () => batch([claim("P1"), claim("P2", { extras: [{ position: 1, segment: ["K3", "A*B"] }] })]),
      "K3",
      `${C}.extras[0].segment[1]`,
    ],
    [
      "submitter contact name",
      () =>
        withHeader({
          ...header,
          submitter: {
            ...header.submitter,
            contacts: [{ name: "EDI*DESK", numbers: [{ qualifier: "TE", value: "1" }] }],
          },
        }),
      "PER",
      "transactions[0].header.submitter.contacts[0].name",
    ],
    [
      "interchange sender id (padded in ISA06)",
      () => ({ ...batch([claim("P1")]), interchange: { ...batch([]).interchange, senderId: "SUB*1" } }),
      "ISA",
      "interchange.senderId",
    ],
    [
      "group sender code",
      () => ({ ...batch([claim("P1")]), group: { senderCode: "SUB*1", receiverCode: "CLEAR01" } }),
      "GS",
      "group.senderCode",
    ],
  ];
  for (const [name, make, segmentId, path] of cases) {
    it(`names ${name}`, () => {
      const err = refusal(() => write(make()));
      expect(err.segmentId).toBe(segmentId);
      expect(err.path).toBe(path);
    });
  }

  it("names the line by its index in the claim as given when the claim is split", () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      line(i + 1, i === 54 ? { procedure: { code: "99213", description: "X*Y" } } : {}),
    );
    const err = refusal(() => write(batch([claim("P1"), claim("P2", { lines })])));
    expect(err.path).toBe(`${C}.lines[54].procedure.description`);
    // CLM01 of a split part is derived (PCN-1): the claim's patient control number is named.
    const pcn = refusal(() =>
      write(batch([claim("P1"), claim("P*2", { lines: Array.from({ length: 51 }, (_, i) => line(i + 1)) })])),
    );
    expect(pcn).toMatchObject({ found: "P*2-1", path: `${C}.patientControlNumber` });
  });

  it("names the field with the caller's delimiters too, also in a file read back and edited", () => {
    const delimiters = { element: "|", component: ">", repetition: "!", segment: "\n" };
    const err = refusal(() => write(batch([claim("P1"), claim("P|2")]), { delimiters }));
    expect(err.path).toBe(`${C}.patientControlNumber`);
    const [read] = parse837P(write(batch([claim("P1"), claim("P2")])));
    const edited = read?.batch as Batch837P;
    const second = edited.transactions[0]?.claims[1] as Claim837P;
    second.subscriber = { ...second.subscriber, groupNumber: "G*7" };
    expect(refusal(() => write(edited)).path).toBe(`${C}.subscriber.groupNumber`);
  });
});

describe("837P writer: characters outside the X12 character set", () => {
  const C = "transactions[0].claims[1]";
  const named = (lastName: string, firstName = "JANE") =>
    batch([
      claim("P1"),
      claim("P2", { subscriber: { ...subscriber, name: { ...subscriber.name, lastName, firstName } } }),
    ]);

  it("refuses an accented name by default, naming the character, its code point and the field", () => {
    const err = refusal(() => write(named("MUÑOZ")));
    expect(err).toMatchObject({
      segmentId: "NM1",
      elementPosition: 3,
      found: "MUÑOZ",
      path: `${C}.subscriber.name.lastName`,
    });
    expect(err.message).toContain('"Ñ" (U+00D1), outside the X12 character set');
    expect(err.expected).toMatch(/printable ASCII/);
  });

  it("refuses characters beyond Latin-1 and outside the Basic Multilingual Plane whole", () => {
    expect(refusal(() => write(named("DOE", "ŁUKASZ")))).toMatchObject({
      path: `${C}.subscriber.name.firstName`,
      found: "ŁUKASZ",
    });
    const emoji = refusal(() =>
      write(batch([claim("P1"), claim("P2", { note: { reference: "ADD", text: "OK 👍" } })])),
    );
    expect(emoji.path).toBe(`${C}.note.text`);
    expect(emoji.message).toContain('"👍" (U+1F44D)');
  });

  it('writes them with characterSet "utf8", and reads them back', () => {
    const text = write(named("MUÑOZ", "ŁUKASZ"), { characterSet: "utf8" });
    expect(text).toContain("NM1*IL*1*MUÑOZ*ŁUKASZ*Q***MI*MBR123456~");
    const [read] = parse837P(text);
    const second = read?.batch.transactions[0]?.claims[1] as Claim837P;
    expect(second.subscriber.name).toMatchObject({ lastName: "MUÑOZ", firstName: "ŁUKASZ" });
  });

  it("refuses control characters whatever the character set", () => {
    for (const characterSet of ["ascii", "utf8"] as const) {
      const err = refusal(() =>
        write(batch([claim("P1"), claim("P2", { note: { reference: "ADD", text: "LINE ONE\nLINE TWO" } })]), {
          characterSet,
        }),
      );
      expect(err).toMatchObject({ segmentId: "NTE", path: `${C}.note.text` });
      expect(err.message).toContain("control character U+000A");
    }
    expect(refusal(() => write(named("DOE\u0085")))).toMatchObject({ path: `${C}.subscriber.name.lastName` });
  });

  it("accepts every printable ASCII character that is not a delimiter", () => {
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
      .filter((c) => !"*:^~".includes(c))
      .join("");
    const text = write(batch([claim("P1", { note: { reference: "ADD", text: printable } })]));
    expect(text).toContain(`NTE*ADD*${printable.trimEnd()}~`);
  });

  it('keeps ISA ASCII even with characterSet "utf8": its widths are counted in bytes', () => {
    const b = { ...batch([claim("P1")]), interchange: { ...batch([]).interchange, senderId: "CLÍNICA" } };
    const err = refusal(() => write(b, { characterSet: "utf8" }));
    expect(err).toMatchObject({ segmentId: "ISA", elementPosition: 6, path: "interchange.senderId" });
    expect(err.message).toContain('"Í" (U+00CD), outside ASCII');
  });

  it('refuses half a surrogate pair with characterSet "utf8", which would be written as U+FFFD', () => {
    const err = refusal(() => write(named("DOE\ud83d"), { characterSet: "utf8" }));
    expect(err).toMatchObject({ path: `${C}.subscriber.name.lastName` });
    expect(err.message).toContain("lone surrogate U+D83D");
    expect(refusal(() => write(named("\udc4dDOE"), { characterSet: "utf8" })).message).toContain("U+DC4D");
    expect(write(named("DOE 👍"), { characterSet: "utf8" })).toContain("*DOE 👍*");
  });

  it("refuses an unknown character set before writing", () => {
    const err = refusal(() => write(batch([claim("P1")]), { characterSet: "latin1" as never }));
    expect(err).toMatchObject({ path: "options.characterSet", found: "latin1" });
  });
});

describe("837P writer: control number sources and found texts", () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeEach(() => {
    rejections.length = 0;
    process.on("unhandledRejection", onRejection);
  });
  afterEach(() => {
    process.off("unhandledRejection", onRejection);
  });

  it("refuses an async source with a clear message, and its later rejection goes nowhere", async () => {
    const asyncSource = (async () => 1) as unknown as ControlNumberSource;
    const err = refusal(() => write(batch([claim("P1")]), { controlNumbers: asyncSource }));
    expect(err.message).toMatch(/returned a Promise for the interchange number/);
    expect(err.message).toMatch(/must be returned synchronously/);
    expect(err.message).toMatch(/fetch them beforehand/);
    expect(err.message).not.toContain("found {}");
    expect(err.path).toBe("options.controlNumbers");
    const failing = {
      next: () => Promise.reject(new Error("sequence down")),
    } as unknown as ControlNumberSource;
    expect(refusal(() => write(batch([claim("P1")]), { controlNumbers: failing })).message).toMatch(
      /synchronously/,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rejections).toEqual([]);
  });

  it("says so when the source returns nothing or is not a source", () => {
    const none = refusal(() => write(batch([claim("P1")]), { controlNumbers: (() => undefined) as never }));
    expect(none.message).toMatch(/returned no interchange number/);
    expect(none.found).toBe("undefined");
    const notSource = refusal(() => write(batch([claim("P1")]), { controlNumbers: {} as never }));
    expect(notSource.path).toBe("options.controlNumbers");
  });

  const numbers: Array<[string, Partial<Claim837P>, string, string]> = [
    ["NaN line charge", { lines: [line(1, { chargeCents: Number.NaN })] }, "lines[0].chargeCents", "NaN"],
    ["NaN total", { totalChargeCents: Number.NaN }, "totalChargeCents", "NaN"],
    ["NaN quantity", { lines: [line(1, { quantity: Number.NaN })] }, "lines[0].quantity", "NaN"],
    [
      "infinite patient paid amount",
      { patientPaidCents: Number.POSITIVE_INFINITY },
      "patientPaidCents",
      "Infinity",
    ],
    [
      "NaN diagnosis pointer",
      { lines: [line(1, { diagnosisPointers: [Number.NaN] })] },
      "lines[0].diagnosisPointers[0]",
      "NaN",
    ],
  ];
  for (const [name, overrides, path, found] of numbers) {
    it(`shows a ${name} as ${found}`, () => {
      const err = refusal(() => write(batch([claim("P1", overrides)])));
      expect(err).toMatchObject({ path: `transactions[0].claims[0].${path}`, found });
      expect(err.message).toContain(`found "${found}"`);
    });
  }
});
