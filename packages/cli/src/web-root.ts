import { fileURLToPath } from "node:url";

/** The built web app (packages/web/dist), served by `billcycle start` on the API's origin. */
export const webRoot = (): string =>
  process.env.BILLCYCLE_WEB_ROOT?.trim() || fileURLToPath(new URL("../../web/dist", import.meta.url));
