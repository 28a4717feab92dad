/**
 * Application log: operational facts only (method, route pattern, status, duration, error codes).
 * Never request bodies, query strings or record contents — patient data must not reach the logs.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = {
  info(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
};

export const jsonLogger = (
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger => ({
  info: (msg, fields) =>
    write(JSON.stringify({ t: new Date().toISOString(), level: "info", msg, ...fields })),
  error: (msg, fields) =>
    write(JSON.stringify({ t: new Date().toISOString(), level: "error", msg, ...fields })),
});

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
