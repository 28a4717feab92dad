import {
  defaultDropRoot,
  defaultTransportResolver,
  type EnginePorts,
  x12ClaimsPipeline,
} from "@billcycle/app";

/** The claims pipeline with the practice's clearinghouse connection, or the directory drop (BILLCYCLE_CLAIMS_DIR). */
export const enginePorts = (): EnginePorts => ({
  claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: defaultDropRoot() }) }),
});
