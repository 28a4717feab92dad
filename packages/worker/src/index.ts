export * from "./clock/tick-clock";
export * from "./clock/tick-scheduler";
export * from "./handlers/job-handlers";
export * from "./worker";
