export * from "./data-dir-lock";
export * from "./database";
export * from "./ids";
export * from "./migrate";
export * from "./owner-only";
export * from "./queue/job-queue";
export * from "./queue/job-wakeups";
export type {
  Address,
  AppointmentServiceLine,
  ClaimsSettings,
  Guarantor,
  InboundFileOutcome,
  Subscriber,
} from "./schema/index";
export * as tables from "./schema/index";
export * from "./testing/test-database";
