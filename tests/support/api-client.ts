// The tests' HTTP client over the route handlers: every call names a route of
// the contract's table (lib/protocol/routes.ts), which gives its method, path
// and answer schema, so no test spells a path and every JSON answer is read
// typed, after the route's own schema has checked it.
import { api } from "../../lib/server/http/api";
import type { HttpServices } from "../../lib/server/http/registry";
import type { ErrorBody } from "../../lib/protocol/errors";
import { ROUTES, routePath, type RouteAnswerOf, type RouteName, type RouteParams } from "../../lib/protocol/routes";

const BASE = "http://warroom.test";

export interface CallOptions<N extends RouteName> {
  params?: RouteParams<N>;
  query?: Record<string, string>;
  /** JSON-encoded unless a string (to send what no client should) */
  body?: unknown;
  /** sent as `Authorization: Bearer …` */
  adminKey?: string;
  headers?: Record<string, string>;
}

export interface ApiResult<N extends RouteName> {
  status: number;
  headers: Headers;
  /** a 2xx JSON answer, checked with the route's schema; undefined otherwise */
  answer: RouteAnswerOf<N> | undefined;
  /** a refusal's error body; undefined on success */
  error: ErrorBody | undefined;
  /** the raw body (a file route's content) */
  text: string;
}

/** The path and request a browser would send to the route. */
function routeInit<N extends RouteName>(name: N, options: CallOptions<N>): { path: string; init: RequestInit } {
  const { body, adminKey, headers = {} } = options;
  return {
    path: routePath(name, options.params ?? ({} as RouteParams<N>), options.query),
    init: {
      method: ROUTES[name].method,
      headers: {
        "content-type": "application/json",
        ...(adminKey ? { authorization: `Bearer ${adminKey}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    },
  };
}

/** The Request a browser would send to the route. */
export function routeRequest<N extends RouteName>(name: N, options: CallOptions<N> = {}): Request {
  const { path, init } = routeInit(name, options);
  return new Request(BASE + path, init);
}

/** A route's response read as the contract says: a 2xx JSON answer checked with the route's schema. */
async function readResult<N extends RouteName>(name: N, response: Response): Promise<ApiResult<N>> {
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  const json: unknown = isJson && text ? JSON.parse(text) : undefined;
  const schema = ROUTES[name].answer;
  const ok = response.status >= 200 && response.status < 300;
  return {
    status: response.status,
    headers: response.headers,
    answer: ok && typeof schema !== "string" ? (schema.parse(json) as RouteAnswerOf<N>) : undefined,
    error: ok ? undefined : (json as { error: ErrorBody } | undefined)?.error,
    text,
  };
}

function client(send: <N extends RouteName>(name: N, options: CallOptions<N>) => Promise<Response>) {
  async function call<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<ApiResult<N>> {
    return readResult(name, await send(name, options));
  }

  /** The route's answer; fails the test with the refusal when there is none. */
  async function answer<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<RouteAnswerOf<N>> {
    const result = await call(name, options);
    if (result.answer === undefined)
      throw new Error(`${name} answered ${result.status}: ${result.error?.code ?? ""} ${result.error?.message ?? ""}`);
    return result.answer;
  }

  /** A file route's content (the exports); fails the test when refused. */
  async function file<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<string> {
    const result = await call(name, options);
    if (result.status !== 200) throw new Error(`${name} answered ${result.status}: ${result.text}`);
    return result.text;
  }

  return { call, answer, file };
}

/** Calls the route handlers directly, as Next.js would for each request. */
export const apiClient = (services: HttpServices) =>
  client((name, options) =>
    api[name](services, routeRequest(name, options), (options.params ?? {}) as Record<string, string>),
  );

/** Calls a running server over real HTTP (its guard in front of the routes). */
export const httpClient = (baseUrl: string) =>
  client((name, options) => {
    const { path, init } = routeInit(name, options);
    return fetch(baseUrl + path, init);
  });
