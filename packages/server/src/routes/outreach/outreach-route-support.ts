import { loadSecretKey, payLinkKeyFrom } from "@billcycle/app";
import type { AppDeps } from "../../http/deps";

let derived: Buffer | undefined;

/** The deps' pay-link key, else one derived from the secret key store (the same the worker signs links with). */
export const payLinkKeyOf = (deps: AppDeps): Buffer => {
  if (deps.outreach?.payLinkKey) return deps.outreach.payLinkKey;
  derived ??= payLinkKeyFrom(loadSecretKey());
  return derived;
};

/** The URL Twilio called (what its signature covers): the configured callback base plus the route's tail. */
export const twilioCallbackUrl = (deps: AppDeps, practiceId: string, kind: "status" | "inbound"): string => {
  const base =
    deps.outreach?.callbackBaseUrl ??
    `${(deps.publicUrl ?? "http://localhost").replace(/\/+$/, "")}/api/v1/webhooks/twilio`;
  return `${base.replace(/\/+$/, "")}/${practiceId}/${kind}`;
};
