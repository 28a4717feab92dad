import { describe, expect, it } from "vitest";
import {
  decidePayToAddress,
  decideRenderingProvider,
  decideServiceFacility,
  type LoopAddress,
  sameLoopAddress,
} from "./decide-claim-loops";

const office: LoopAddress = {
  line1: "1 Main Street",
  line2: "Suite 200",
  city: "Austin",
  state: "TX",
  zip: "787011234",
};

describe("sameLoopAddress", () => {
  it.each<[string, LoopAddress]>([
    ["identical", { ...office }],
    [
      "case and spaces",
      { line1: " 1  MAIN street ", line2: "suite 200", city: "AUSTIN ", state: "tx", zip: "787011234" },
    ],
    ["ZIP5 against ZIP+4", { ...office, zip: "78701" }],
    ["ZIP+4 written with a dash", { ...office, zip: "78701-1234" }],
    ["another +4 on the same street", { ...office, zip: "787019999" }],
    ["both lines in one", { line1: "1 Main Street, Suite 200", city: "Austin", state: "TX", zip: "78701" }],
    ["punctuation", { ...office, line1: "1 Main Street.", line2: "Suite #200" }],
    ["accents as the 837P spells them", { ...office, city: "Austín" }],
  ])("%s: the same place", (_, other) => {
    expect(sameLoopAddress(office, other)).toBe(true);
  });

  it.each<[string, LoopAddress]>([
    ["another street number", { ...office, line1: "3 Main Street" }],
    ["another suite", { ...office, line2: "Suite 300" }],
    ["no suite", { ...office, line2: null }],
    ["another city", { ...office, city: "Round Rock" }],
    ["another state", { ...office, state: "OK" }],
    ["another ZIP", { ...office, zip: "78702" }],
    ["an abbreviation (not expanded: the loop is then sent)", { ...office, line1: "1 Main St" }],
  ])("%s: a different place", (_, other) => {
    expect(sameLoopAddress(office, other)).toBe(false);
  });
});

describe("decideServiceFacility (2310C)", () => {
  it("is left out for an office visit at the billing provider's address", () => {
    expect(
      decideServiceFacility({
        placeOfServiceCode: "11",
        facilityAddress: { ...office, zip: "78701", city: "AUSTIN" },
        billingAddress: office,
      }),
    ).toBe(false);
  });

  it("is sent for a location elsewhere", () => {
    expect(
      decideServiceFacility({
        placeOfServiceCode: "11",
        facilityAddress: { line1: "500 Oak Avenue", city: "Round Rock", state: "TX", zip: "78664" },
        billingAddress: office,
      }),
    ).toBe(true);
  });

  it.each(["02", "10"])("is never sent for telehealth (POS %s)", (pos) => {
    expect(
      decideServiceFacility({
        placeOfServiceCode: pos,
        facilityAddress: { line1: "500 Oak Avenue", city: "Round Rock", state: "TX", zip: "78664" },
        billingAddress: office,
      }),
    ).toBe(false);
  });
});

describe("decideRenderingProvider (2310B)", () => {
  it("is the billing provider when the NPIs are the same (a sole proprietor)", () => {
    expect(decideRenderingProvider({ renderingNpi: "1234567893", billingNpi: "1234567893" })).toBe(
      "billing-provider-is-rendering",
    );
  });

  it("is separate for another NPI, and none without a provider", () => {
    expect(decideRenderingProvider({ renderingNpi: "1245319599", billingNpi: "1234567893" })).toBe(
      "separate",
    );
    expect(decideRenderingProvider({ renderingNpi: null, billingNpi: "1234567893" })).toBe("none");
  });
});

describe("decidePayToAddress (2010AB)", () => {
  it("is sent only when there is one and it is elsewhere", () => {
    const box: LoopAddress = { line1: "PO Box 42", city: "Austin", state: "TX", zip: "78701" };
    expect(decidePayToAddress({ payToAddress: null, billingAddress: office })).toBe(false);
    expect(decidePayToAddress({ payToAddress: { ...office, zip: "78701" }, billingAddress: office })).toBe(
      false,
    );
    expect(decidePayToAddress({ payToAddress: box, billingAddress: office })).toBe(true);
  });
});
