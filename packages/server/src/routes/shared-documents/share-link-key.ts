import { loadSecretKey, shareLinkKeyFrom } from "@billcycle/app";
import type { AppDeps } from "../../http/deps";

let derived: Buffer | undefined;

/** The deps' link key, else one derived from the secret key store (the same key the worker signs links with). */
export const shareLinkKeyOf = (deps: AppDeps): Buffer => {
  if (deps.shareLinkKey) return deps.shareLinkKey;
  derived ??= shareLinkKeyFrom(loadSecretKey());
  return derived;
};
