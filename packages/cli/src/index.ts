export * from "./demo/seed-demo";
export * from "./open-configured-database";
