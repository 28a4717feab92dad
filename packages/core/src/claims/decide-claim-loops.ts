import { toX12Text } from "../validation/x12-text";

/**
 * The 837P (005010X222A1) loops the guide sends "only when different": the service facility (2310C) only when
 * the service was rendered somewhere other than the billing provider's address (2010AA), the rendering provider
 * (2310B) only when it is not the billing provider, the pay-to address (2010AB) only when payments go elsewhere.
 * Pure decisions; the claim mapping applies them.
 */
export type LoopAddress = {
  line1: string;
  line2?: string | null | undefined;
  city: string;
  state: string;
  zip: string;
};

const SEPARATORS = /[\s.,#]+/g;

/**
 * An address as compared for "the same place": spelled as the 837P spells it (accents removed), upper case,
 * periods, commas and `#` dropped, runs of spaces as one, both street lines as one ("1 Main St" + "Suite 2" =
 * "1 Main St, Suite 2"), and the ZIP code's first five digits: a ZIP+4 on one side only, or another +4 on the
 * same street, is the same building. Abbreviations are not expanded ("St" ≠ "Street"): when unsure the loop is
 * sent, which is redundant but valid, where leaving out a real facility is not.
 */
export const normalizeLoopAddress = (a: LoopAddress): string => {
  const text = (s: string) => toX12Text(s).toUpperCase().replace(SEPARATORS, " ").trim();
  return [
    text(`${a.line1} ${a.line2 ?? ""}`),
    text(a.city),
    text(a.state),
    a.zip.replace(/\D/g, "").slice(0, 5),
  ].join("|");
};

export const sameLoopAddress = (a: LoopAddress, b: LoopAddress): boolean =>
  normalizeLoopAddress(a) === normalizeLoopAddress(b);

/** Places of service with no facility to name: telehealth (02 elsewhere, 10 in the patient's home). */
const NO_FACILITY_POS = new Set(["02", "10"]);

/**
 * Whether the claim carries a Service Facility Location (2310C): only for a place of service with a facility
 * whose address differs from the billing provider's (2010AA). An office visit at the practice's own address
 * sends none: the payer reads the location from 2010AA.
 */
export const decideServiceFacility = (input: {
  placeOfServiceCode: string;
  facilityAddress: LoopAddress;
  billingAddress: LoopAddress;
}): boolean =>
  !NO_FACILITY_POS.has(input.placeOfServiceCode) &&
  !sameLoopAddress(input.facilityAddress, input.billingAddress);

/**
 * Who renders the claim's services, as the 837P says it. When the rendering provider's NPI is the billing NPI
 * (a sole proprietor billing under their own, individual NPI) there is no 2310B, and the billing provider is
 * that person (2010AA entity type 1, their name), since an individual NPI names a person, not an organization.
 */
export const decideRenderingProvider = (input: {
  renderingNpi: string | null;
  billingNpi: string;
}): "none" | "billing-provider-is-rendering" | "separate" => {
  if (input.renderingNpi === null) return "none";
  return input.renderingNpi.trim() === input.billingNpi.trim() ? "billing-provider-is-rendering" : "separate";
};

/** Whether a Pay-to Address (2010AB) is sent: only when there is one and it is not the billing address. */
export const decidePayToAddress = (input: {
  payToAddress: LoopAddress | null;
  billingAddress: LoopAddress;
}): boolean => input.payToAddress !== null && !sameLoopAddress(input.payToAddress, input.billingAddress);
