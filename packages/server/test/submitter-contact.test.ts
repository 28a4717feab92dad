import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness } from "@billcycle/testing/api-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Config = { automations: Record<string, { enabled: boolean }> };

describe.each(testBackends())("the practice's own contact in 837P files (%s)", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.dispose());

  it("Claims Submission stays off until the practice has a phone or billing email, with a coded error", async () => {
    const p = await h.newPractice("No contact", { phone: null, billingContactEmail: null });
    const owner = p.users.owner.token;
    const base = `/api/v1/practices/${p.id}`;
    const enable = async () => {
      const current = await h.call("GET", `${base}/automation`, { token: owner });
      const config = structuredClone(current.json.config) as Config;
      config.automations.claims_submission!.enabled = true;
      return h.call("PUT", `${base}/automation`, {
        token: owner,
        body: { config, version: current.json.version },
      });
    };
    const refused = await enable();
    expect([refused.status, errorCode(refused)]).toEqual([422, "SUBMITTER_CONTACT_MISSING"]);
    const still = await h.call("GET", `${base}/automation`, { token: owner });
    expect((still.json.config as Config).automations.claims_submission!.enabled).toBe(false);

    const practice = await h.call("GET", base, { token: owner });
    const set = await h.call("PATCH", base, {
      token: owner,
      body: { billingContactEmail: "claims@no-contact.example", version: practice.json.version },
    });
    expect(set.status, set.text).toBe(200);
    const enabled = await enable();
    expect(enabled.status, enabled.text).toBe(200);
    expect((enabled.json.config as Config).automations.claims_submission!.enabled).toBe(true);
  });
});
