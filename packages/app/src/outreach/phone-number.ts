import { DomainError } from "@billcycle/core";
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** The number in E.164 (+15125550123) when it parses as a valid number (US when it has no country code), else null. */
export const phoneToE164 = (raw: string | null | undefined): string | null => {
  if (!raw || raw.trim() === "") return null;
  const parsed = parsePhoneNumberFromString(raw.trim(), "US");
  return parsed?.isValid() ? parsed.number : null;
};

/** E.164, or INVALID_PHONE naming the field. */
export const requirePhoneE164 = (raw: string, field = "phone"): string => {
  const e164 = phoneToE164(raw);
  if (!e164) throw new DomainError("INVALID_PHONE", "This is not a valid phone number", { field });
  return e164;
};
