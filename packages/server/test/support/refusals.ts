import { type ApiResponse, type CallOptions, errorCode, type Harness } from "@billcycle/testing/api-harness";
import { rowCounts } from "@billcycle/testing/db-state";
import { expect } from "vitest";

export type Issue = { path: string; code: string; message: string };

/** The field-level issues of a validation error. */
export const issuesOf = (r: ApiResponse): Issue[] =>
  ((r.json.error as { issues?: Issue[] }).issues ?? []) as Issue[];

/**
 * Sends one request that must be refused, and checks the status, the code, that the message says something, the
 * field it names (when given) and that no table changed.
 */
export const expectRefused = async (
  h: Harness,
  token: string,
  request: { method: string; path: string; options: CallOptions },
  expected: { status: number; code: string; field?: string },
): Promise<ApiResponse> => {
  const { method, path, options } = request;
  const what = `${method} ${path} ${JSON.stringify(options.body ?? null)}`;
  const before = await rowCounts(h.database);
  const res = await h.call(method, path, { token, ...options });
  expect({ what, status: res.status, code: errorCode(res) }).toEqual({
    what,
    status: expected.status,
    code: expected.code,
  });
  const message = (res.json.error as { message?: unknown }).message;
  expect(typeof message === "string" && message.length > 10, String(message)).toBe(true);
  if (expected.field !== undefined) {
    expect(issuesOf(res), what).toContainEqual(
      expect.objectContaining({ path: expected.field, code: expected.code }),
    );
  }
  expect(await rowCounts(h.database), what).toEqual(before);
  return res;
};
