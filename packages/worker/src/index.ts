export * from "./clock/tick-clock";
export * from "./jobs/define-job";
export * from "./jobs/registry";
export * from "./worker";
