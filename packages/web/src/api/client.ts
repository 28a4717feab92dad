import createClient from "openapi-fetch";
import type { paths } from "./schema";

/**
 * The typed API client: every path, parameter and request body is checked against the types generated from
 * billcycle's OpenAPI document (schema.d.ts), so the web app and the API cannot drift apart unnoticed.
 * Same origin: the session cookie rides along; no token is ever visible to scripts.
 */
export const api = createClient<paths>({
  baseUrl: typeof window === "undefined" ? "http://localhost" : window.location.origin,
  credentials: "same-origin",
  // Looked up per call, so tests can stand in for the network.
  fetch: (request: Request) => globalThis.fetch(request),
});

export type ApiIssue = { path: string; code: string; message: string };

/** An error answer from the API: `{ error: { code, message, issues? } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Answer<T> = { data?: T; error?: unknown; response: Response };

const errorOf = (status: number, body: unknown): ApiError => {
  const e = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
  if (e && typeof e.code === "string") {
    return new ApiError(
      status,
      e.code,
      typeof e.message === "string" ? e.message : e.code,
      Array.isArray(e.issues) ? (e.issues as ApiIssue[]) : [],
    );
  }
  return new ApiError(status, "HTTP_ERROR", `The server answered ${status}`);
};

/** The data of a successful answer, or an ApiError. */
export const unwrap = async <T>(call: Promise<Answer<T>>): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok) throw errorOf(response.status, error);
  return data as T;
};

/** Words for an error, for an alert on the screen. */
export const errorText = (e: unknown): string => {
  if (isApiError(e)) {
    if (e.code === "FORBIDDEN") return "Your role may not do this.";
    if (e.code === "VERSION_CONFLICT") return "Someone else changed this meanwhile. Reload and try again.";
    const issues = e.issues.filter((i) => i.message && !e.message.includes(i.message));
    return issues.length ? `${e.message} (${issues.map((i) => i.message).join("; ")})` : e.message;
  }
  return e instanceof Error ? e.message : "Something went wrong.";
};
