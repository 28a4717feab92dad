import { describe, expect, it } from "vitest";
import { decideNoteSigner } from "./decide-note-signer";

const base = { userId: "u1", supervises: false, providerUserId: "u1", providerName: "Dr. Hana Reyes" };

describe("decideNoteSigner", () => {
  it("lets the provider's own user sign as the author", () => {
    expect(decideNoteSigner(base)).toEqual({ may: true, as: "author" });
  });
  it("lets a supervisor sign for the provider, recorded as the supervisor", () => {
    expect(decideNoteSigner({ ...base, userId: "u2", supervises: true })).toEqual({
      may: true,
      as: "supervisor",
    });
  });
  it("refuses anyone else, naming the provider to ask", () => {
    const d = decideNoteSigner({ ...base, userId: "u2" });
    expect(d).toMatchObject({ may: false });
    expect(d.may ? "" : d.reason).toContain("ask Dr. Hana Reyes to sign it");
    expect(decideNoteSigner({ ...base, userId: null, supervises: true }).may).toBe(false);
    expect(decideNoteSigner({ ...base, userId: "u2", providerUserId: null }).may).toBe(false);
  });
});
