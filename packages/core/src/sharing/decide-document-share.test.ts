import { describe, expect, it } from "vitest";
import { type DocumentShareFacts, decideDocumentShare, kindIsShared } from "./decide-document-share";
import { decideSharingSettingsWarnings } from "./decide-sharing-settings-warnings";
import { isDeliverableEmail } from "./email-address";

const facts = (over: Partial<DocumentShareFacts> = {}): DocumentShareFacts => ({
  practiceSharingOn: true,
  clientSharingOn: true,
  clientKinds: "both",
  kind: "invoice",
  email: "client@example.com",
  emailOptIn: true,
  subjectVoid: false,
  ...over,
});
const codes = (f: DocumentShareFacts) => {
  const d = decideDocumentShare(f);
  return d.action === "send" ? [] : d.reasons.map((r) => r.code);
};

describe("decideDocumentShare", () => {
  it("sends to the client's address when nothing stands against it", () => {
    expect(decideDocumentShare(facts({ email: " client@example.com " }))).toEqual({
      action: "send",
      to: "client@example.com",
    });
  });

  it("each rule fires on its own", () => {
    expect(codes(facts({ practiceSharingOn: false }))).toEqual(["PRACTICE_SHARING_OFF"]);
    expect(codes(facts({ clientSharingOn: false }))).toEqual(["CLIENT_SHARING_OFF"]);
    expect(codes(facts({ clientKinds: "superbills" }))).toEqual(["KIND_NOT_SHARED"]);
    expect(codes(facts({ clientKinds: "bills", kind: "superbill" }))).toEqual(["KIND_NOT_SHARED"]);
    expect(codes(facts({ email: null }))).toEqual(["NO_EMAIL"]);
    expect(codes(facts({ email: "  " }))).toEqual(["NO_EMAIL"]);
    expect(codes(facts({ email: "not an address" }))).toEqual(["INVALID_EMAIL"]);
    expect(codes(facts({ emailOptIn: false }))).toEqual(["EMAIL_OPTED_OUT"]);
    expect(codes(facts({ subjectVoid: true }))).toEqual(["DOCUMENT_VOID"]);
  });

  it("records every reason that applies, with a sentence each", () => {
    const d = decideDocumentShare(
      facts({
        subjectVoid: true,
        practiceSharingOn: false,
        clientSharingOn: false,
        email: null,
        emailOptIn: false,
      }),
    );
    expect(d.action).toBe("skip");
    if (d.action !== "skip") return;
    expect(d.reasons.map((r) => r.code)).toEqual([
      "DOCUMENT_VOID",
      "PRACTICE_SHARING_OFF",
      "CLIENT_SHARING_OFF",
      "NO_EMAIL",
      "EMAIL_OPTED_OUT",
    ]);
    for (const r of d.reasons) expect(r.message.length).toBeGreaterThan(10);
  });

  it("statements go with bills, superbills alone", () => {
    expect(kindIsShared("bills", "statement")).toBe(true);
    expect(kindIsShared("bills", "invoice")).toBe(true);
    expect(kindIsShared("bills", "superbill")).toBe(false);
    expect(kindIsShared("superbills", "superbill")).toBe(true);
    expect(kindIsShared("superbills", "statement")).toBe(false);
    for (const kind of ["invoice", "superbill", "statement"] as const)
      expect(kindIsShared("both", kind)).toBe(true);
  });
});

describe("isDeliverableEmail", () => {
  it("takes ordinary addresses and refuses what no SMTP server could be given", () => {
    for (const ok of ["a@b.co", "first.last+bills@mail.example.org", "x_y@sub-domain.example.com"]) {
      expect(isDeliverableEmail(ok), ok).toBe(true);
    }
    for (const bad of [
      "",
      "a@",
      "@b.co",
      "a@b",
      "a b@c.com",
      "a@b..com",
      ".a@b.com",
      "a..b@c.com",
      "a@-b.com",
      "a@b.com\r\nBcc: x@y.z",
      `${"x".repeat(65)}@b.com`,
    ]) {
      expect(isDeliverableEmail(bad), bad).toBe(false);
    }
  });
});

describe("decideSharingSettingsWarnings", () => {
  it("warns when autopay is on and the delay is under 60 minutes, and not otherwise", () => {
    expect(
      decideSharingSettingsWarnings({ autopayOn: true, shareDelayMinutes: 59 }).map((w) => w.code),
    ).toEqual(["SHARE_DELAY_BEFORE_AUTOPAY"]);
    expect(decideSharingSettingsWarnings({ autopayOn: true, shareDelayMinutes: 60 })).toEqual([]);
    expect(decideSharingSettingsWarnings({ autopayOn: false, shareDelayMinutes: 0 })).toEqual([]);
  });
});
