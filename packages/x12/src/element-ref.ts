/** An element as the implementation guides name it: segment id and two-digit position (`CLP04`, `CAS19`). */
export const elementRef = (segmentId: string, position: number): string =>
  `${segmentId}${position < 10 ? "0" : ""}${position}`;
