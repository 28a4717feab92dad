export * from "./bill-to";
export * from "./decide-aging-bucket";
export * from "./employer-invoice-status";
export * from "./invoice-number";
