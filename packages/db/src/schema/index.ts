export * from "./audit";
export * from "./automation";
export * from "./billing";
export * from "./claims-pipeline";
export * from "./clinic";
export * from "./columns";
export * from "./documents";
export * from "./practice";
