import { clearinghouseConnectionsResource } from "../clearinghouse/connections-resource";
import { appointmentsResource, progressNotesResource } from "./definitions/appointments";
import { claimsResource, invoicesResource } from "./definitions/billing-records";
import { postingRulesResource, remittancesResource } from "./definitions/claims-pipeline-records";
import { clientsResource, diagnosesResource, insurancePoliciesResource } from "./definitions/clients";
import {
  employerGroupsResource,
  employersResource,
  locationsResource,
  payersResource,
  productsResource,
  providersResource,
  servicesResource,
} from "./definitions/reference-data";
import type { ResourceDefinition } from "./resource-definition";

/** Every tenant-owned resource the API exposes with the generic list/get/create/update(/delete) routes. */
export const resources: readonly ResourceDefinition[] = [
  locationsResource,
  providersResource,
  clientsResource,
  payersResource,
  insurancePoliciesResource,
  diagnosesResource,
  servicesResource,
  productsResource,
  employerGroupsResource,
  employersResource,
  appointmentsResource,
  progressNotesResource,
  invoicesResource,
  claimsResource,
  remittancesResource,
  postingRulesResource,
  clearinghouseConnectionsResource,
];
