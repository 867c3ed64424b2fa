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

/** The Request a browser would send to the route. */
export function routeRequest<N extends RouteName>(name: N, options: CallOptions<N> = {}): Request {
  const { body, adminKey, headers = {} } = options;
  const path = routePath(name, options.params ?? ({} as RouteParams<N>), options.query);
  return new Request(BASE + path, {
    method: ROUTES[name].method,
    headers: {
      "content-type": "application/json",
      ...(adminKey ? { authorization: `Bearer ${adminKey}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

export function apiClient(services: HttpServices) {
  /** Calls the route's handler as the server would for that request. */
  async function call<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<ApiResult<N>> {
    const request = routeRequest(name, options);
    const response = await api[name](services, request, (options.params ?? {}) as Record<string, string>);
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

  /** The route's answer; fails the test with the refusal when there is none. */
  async function answer<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<RouteAnswerOf<N>> {
    const result = await call(name, options);
    if (result.answer === undefined)
      throw new Error(`${name} answered ${result.status}: ${result.error?.code ?? ""} ${result.error?.message ?? ""}`);
    return result.answer;
  }

  return { call, answer };
}
