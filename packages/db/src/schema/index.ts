export * from "./audit";
export * from "./automation";
export * from "./billing";
export * from "./clinic";
export * from "./columns";
export * from "./practice";
export * from "./claims-pipeline";
