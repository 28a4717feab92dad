// Test support only: imported by tests (and test helpers), never by a package's runtime code.
export * from "./test-database";
