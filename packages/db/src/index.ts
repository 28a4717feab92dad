export * from "./bulk-insert";
export * from "./data-dir-lock";
export * from "./database";
export * from "./ids";
export * from "./migrate";
export * from "./owner-only";
export * from "./queue/job-queue";
export * from "./queue/job-wakeups";
export { employerInvoiceColumnChoices } from "./schema/employer-billing";
export type {
  Address,
  AppointmentServiceLine,
  CardChargeApplyTo,
  ClaimsSettings,
  EmployerBillTo,
  EmployerContact,
  EmployerFee,
  EmployerInvoiceColumn,
  Guarantor,
  InboundFileOutcome,
  InvoiceProfileContent,
  Subscriber,
} from "./schema/index";
export * as tables from "./schema/index";
export * from "./statistics";
