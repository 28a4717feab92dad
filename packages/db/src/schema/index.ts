export * from "./audit";
export * from "./clinic";
export * from "./columns";
export * from "./practice";
