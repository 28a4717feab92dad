import { describe, expect, it } from "vitest";
import { securitySettingsFromEnv } from "./security-settings";

describe("securitySettingsFromEnv", () => {
  it("is off and default when nothing is set", () => {
    expect(securitySettingsFromEnv({})).toEqual({
      production: false,
      trustProxy: false,
      publicUrl: undefined,
      sessionIdleMs: undefined,
      requestTimeoutMs: undefined,
      uploadTimeoutMs: undefined,
      stripeJsUrl: "https://js.stripe.com/v3",
    });
  });

  it("reads every setting", () => {
    expect(
      securitySettingsFromEnv({
        NODE_ENV: "production",
        BILLCYCLE_TRUST_PROXY: "true",
        BILLCYCLE_PUBLIC_URL: "https://billing.example.org/",
        BILLCYCLE_SESSION_IDLE_MINUTES: "15",
        BILLCYCLE_REQUEST_TIMEOUT_SECONDS: "10",
        BILLCYCLE_UPLOAD_TIMEOUT_SECONDS: "600",
      }),
    ).toEqual({
      production: true,
      trustProxy: true,
      publicUrl: "https://billing.example.org",
      sessionIdleMs: 15 * 60_000,
      requestTimeoutMs: 10_000,
      uploadTimeoutMs: 600_000,
      stripeJsUrl: "https://js.stripe.com/v3",
    });
    expect(securitySettingsFromEnv({ BILLCYCLE_TRUST_PROXY: "0", NODE_ENV: "development" })).toMatchObject({
      trustProxy: false,
      production: false,
    });
  });

  it("refuses a value it cannot read instead of falling back to a default", () => {
    expect(() => securitySettingsFromEnv({ BILLCYCLE_TRUST_PROXY: "maybe" })).toThrow(
      /BILLCYCLE_TRUST_PROXY/,
    );
    expect(() => securitySettingsFromEnv({ BILLCYCLE_PUBLIC_URL: "billing.example.org" })).toThrow(
      /BILLCYCLE_PUBLIC_URL/,
    );
    expect(() => securitySettingsFromEnv({ BILLCYCLE_SESSION_IDLE_MINUTES: "-1" })).toThrow(/positive/);
    expect(() => securitySettingsFromEnv({ BILLCYCLE_REQUEST_TIMEOUT_SECONDS: "soon" })).toThrow(/positive/);
  });
});
