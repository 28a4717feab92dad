export * from "./clock/tick-clock";
export * from "./handlers/job-handlers";
export * from "./worker";
