import { vi } from "vitest";

export type MockRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  headers: Headers;
};

type Handler = (req: MockRequest) => unknown;
type Route = { method: string; pattern: RegExp; names: string[]; handler: Handler };

/** What a handler returns to answer with a status other than 200. */
export const reply = (status: number, body?: unknown) => ({ __reply: true as const, status, body });

const compile = (path: string) => {
  const names: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_, n: string) => {
    names.push(n);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), names };
};

/**
 * A stand-in for the API behind `fetch`: routes like "GET /api/v1/practices/:pid/invoices" answer with JSON, and
 * every call is recorded for assertions. Unrouted calls answer 404 and are recorded too.
 */
export const mockApi = (routes: Record<string, Handler | unknown>) => {
  const table: Route[] = Object.entries(routes).map(([key, value]) => {
    const [method = "GET", path = "/"] = key.split(" ");
    return {
      method,
      ...compile(path),
      handler: typeof value === "function" ? (value as Handler) : () => value,
    };
  });
  const calls: MockRequest[] = [];
  const fetchMock = vi.fn(async (input: Request | string) => {
    const request = typeof input === "string" ? new Request(input) : input;
    const url = new URL(request.url);
    const text = request.method === "GET" ? "" : await request.text();
    const base = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
    };
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    for (const r of table) {
      const m = r.method === request.method ? r.pattern.exec(url.pathname) : null;
      if (!m) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? "")]));
      const req: MockRequest = { ...base, params, body };
      calls.push(req);
      const out = await r.handler(req);
      if (out && typeof out === "object" && "__reply" in out) {
        const o = out as unknown as { status: number; body?: unknown };
        return new Response(o.body === undefined ? null : JSON.stringify(o.body), {
          status: o.status,
          headers: { "content-type": "application/json" },
        });
      }
      return new Response(JSON.stringify(out ?? {}), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
    calls.push({ ...base, params: {}, body });
    return new Response(
      JSON.stringify({
        error: { code: "NOT_FOUND", message: `no mock for ${request.method} ${url.pathname}` },
      }),
      {
        status: 404,
        headers: { "content-type": "application/json" },
      },
    );
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    calls,
    /** Calls to a path (exact, or a pattern with :params), optionally of one method. */
    callsTo: (method: string, path: string) => {
      const { pattern } = compile(path);
      return calls.filter((c) => c.method === method && pattern.test(c.path));
    },
  };
};
