import { IANAZone } from "luxon";

/** True for a real IANA zone name (America/Chicago), false for offsets or abbreviations (CST). */
export const isValidTimeZone = (zone: string): boolean => zone.includes("/") && IANAZone.isValidZone(zone);
