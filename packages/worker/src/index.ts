export * from "./clock/tick-clock";
export * from "./clock/tick-scheduler";
export * from "./jobs/define-job";
export * from "./jobs/registry";
export * from "./worker";
