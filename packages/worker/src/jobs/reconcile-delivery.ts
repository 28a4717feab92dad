import { RECONCILE_AFTER_MS, reconcileDeliveryJob } from "@billcycle/app";
import { defineJob } from "./define-job";

/** Waiting for a clearinghouse that cannot tell yet is not a failed attempt: it looks again, without giving up. */
export const reconcileDeliveryDefinition = defineJob(reconcileDeliveryJob, {
  handle: async ({ fileId }, { database, ports, clock }) => {
    // A worker whose claims pipeline cannot reconcile leaves it to one that can, or to later.
    if (!ports.claims.reconcileDelivery)
      return { retryAt: new Date(clock.now().getTime() + RECONCILE_AFTER_MS) };
    const result = await ports.claims.reconcileDelivery(database, fileId, clock.now());
    return result.status === "unknown" ? { retryAt: result.retryAt } : undefined;
  },
});
