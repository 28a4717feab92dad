import { warningEditCodes } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import { defaultClaimsSettings, getClaimsSettings } from "./claims-settings";

/** The practice's claims settings with the defaults and the warning edits a biller may switch off. */
export const describeClaimsSettings = async (tx: Executor, practiceId: string) => ({
  ...(await getClaimsSettings(tx, practiceId)),
  defaults: defaultClaimsSettings(),
  warningEdits: warningEditCodes,
});
