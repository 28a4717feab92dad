import { INVOICE_PDF_GRACE_MS, storeMissingInvoicePdfs, storeMissingInvoicePdfsJob } from "@billcycle/app";
import { defineJob } from "./define-job";

export const storeMissingInvoicePdfsDefinition = defineJob(storeMissingInvoicePdfsJob, {
  handle: async ({ practiceId }, { database, clock }) => {
    const now = clock.now();
    await storeMissingInvoicePdfs(database.db, practiceId, null, now, {
      createdBefore: new Date(now.getTime() - INVOICE_PDF_GRACE_MS),
    });
    return undefined;
  },
});
