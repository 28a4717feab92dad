import { join } from "node:path";
import { type EnginePorts, fileDropClaimsPipeline } from "@billcycle/app";

/** Where the interim clearinghouse file drop lives: BILLCYCLE_CLAIMS_DIR, else ./data/clearinghouse. */
export const claimsDropDir = (): string =>
  process.env.BILLCYCLE_CLAIMS_DIR?.trim() ||
  join(process.env.BILLCYCLE_DATA_DIR?.trim() || "./data", "clearinghouse");

export const enginePorts = (): EnginePorts => ({ claims: fileDropClaimsPipeline(claimsDropDir()) });
