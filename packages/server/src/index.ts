export * from "./app";
export * from "./http/deps";
export * from "./http/logger";
export * from "./http/outcomes";
export * from "./http/request-limits";
export * from "./http/security-settings";
export * from "./routes/auth";
export * from "./serve";
