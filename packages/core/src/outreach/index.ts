export * from "./decide-send-time";
export * from "./decide-will-fail";
export * from "./message-template";
export * from "./outreach-actions";
export * from "./outreach-message-status";
export * from "./outreach-set-status";
export * from "./patient-time-zone";
export * from "./rule-set";
