import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { decideSendTime } from "./decide-send-time";
import { decideWillFail } from "./decide-will-fail";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const window = { start: "09:00", end: "20:00" };

describe("decideSendTime", () => {
  it("keeps 09:00 local across the spring-forward change (New York, 8 March 2026)", () => {
    const zone = "America/New_York";
    const startedAt = at("2026-03-06T15:00", zone);
    const sent = decideSendTime({ startedAt, dayOffset: 3, zone, window, now: startedAt });
    expect(DateTime.fromJSDate(sent, { zone }).toFormat("yyyy-MM-dd HH:mm")).toBe("2026-03-09 09:00");
    expect(sent.toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });

  it("a step due at night waits for the next morning in the patient's zone, not the practice's", () => {
    const now = at("2026-03-10T21:30", "America/Chicago");
    const la = decideSendTime({ startedAt: now, dayOffset: 0, zone: "America/Los_Angeles", window, now });
    expect(la.toISOString()).toBe(now.toISOString()); // 19:30 in Los Angeles: inside the window
    const ny = decideSendTime({ startedAt: now, dayOffset: 0, zone: "America/New_York", window, now });
    expect(ny.toISOString()).toBe(at("2026-03-11T09:00", "America/New_York").toISOString());
  });
});

describe("decideWillFail", () => {
  const ok = {
    phoneE164: "+15122014567",
    hasPhone: true,
    smsOptIn: true,
    hasEmail: true,
    emailOptIn: true,
    emailBounced: false,
  };
  it("names each cause", () => {
    expect(decideWillFail("sms", ok)).toEqual([]);
    expect(decideWillFail("sms", { ...ok, hasPhone: false, phoneE164: null }).map((r) => r.code)).toEqual([
      "NO_PHONE",
    ]);
    expect(decideWillFail("sms", { ...ok, phoneE164: null }).map((r) => r.code)).toEqual(["INVALID_PHONE"]);
    expect(decideWillFail("sms", { ...ok, smsOptIn: false }).map((r) => r.code)).toEqual(["SMS_OPTED_OUT"]);
    expect(decideWillFail("email", { ...ok, hasEmail: false }).map((r) => r.code)).toEqual(["NO_EMAIL"]);
    expect(decideWillFail("email", { ...ok, emailBounced: true }).map((r) => r.code)).toEqual([
      "EMAIL_BOUNCED",
    ]);
    expect(decideWillFail("email", { ...ok, emailOptIn: false }).map((r) => r.code)).toEqual([
      "EMAIL_OPTED_OUT",
    ]);
  });
});
