import { resolveCardChargesJob, resolveUnknownCharges } from "@billcycle/app";
import { defineJob } from "./define-job";

export const resolveCardChargesDefinition = defineJob(resolveCardChargesJob, {
  handle: async ({ practiceId }, { database, ports, clock }) => {
    await resolveUnknownCharges(database, { practiceId, now: clock.now(), stripe: ports.autopay?.stripe });
    return undefined;
  },
});
