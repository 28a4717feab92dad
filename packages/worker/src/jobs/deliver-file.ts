import { deliverFileJob } from "@billcycle/app";
import { defineJob } from "./define-job";

export const deliverFileDefinition = defineJob(deliverFileJob, {
  handle: async ({ fileId }, { database, ports, clock }) => {
    await ports.claims.deliverFile?.(database, fileId, clock.now());
    return undefined;
  },
});
