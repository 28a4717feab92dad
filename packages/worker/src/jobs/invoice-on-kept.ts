import { invoiceOnKept, invoiceOnKeptJob } from "@billcycle/app";
import { defineJob } from "./define-job";

export const invoiceOnKeptDefinition = defineJob(invoiceOnKeptJob, {
  handle: async (payload, { database, clock }) => {
    await invoiceOnKept(database, payload, clock.now());
    return undefined;
  },
});
