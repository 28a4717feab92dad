import { z } from "zod";
import { jobContract } from "./job-contract";

/** The janitor of an outbound file whose last delivery attempt ended unknown: is it on the server or not? */
export const reconcileDeliveryJob = jobContract({
  name: "reconcile-delivery",
  version: 1,
  payload: z.object({ fileId: z.uuid() }),
});
