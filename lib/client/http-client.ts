// The browser's calls to the API, one function for every route: the path,
// method and answer schema come from the route table (lib/protocol/routes.ts),
// so no client spells a path or declares an answer's shape of its own.
import type { z } from "zod";
import { ROUTES, routePath, type RouteAnswerOf, type RouteName, type RouteParams } from "@/lib/protocol/routes";
import { fetchJson } from "./fetch-json";

interface CallOptions<N extends RouteName> {
  params?: RouteParams<N>;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** a Bearer credential instead of the admin cookie */
  adminKey?: string;
}

/** Calls a route and checks its JSON answer with the route's schema (or `answer`, to read it more leniently). */
export function callRoute<N extends RouteName>(name: N, options?: CallOptions<N>): Promise<RouteAnswerOf<N>>;
export function callRoute<N extends RouteName, S extends z.ZodType>(
  name: N,
  options: CallOptions<N>,
  answer: S,
): Promise<z.output<S>>;
export function callRoute<N extends RouteName>(
  name: N,
  options: CallOptions<N> = {},
  answer?: z.ZodType,
): Promise<unknown> {
  const route = ROUTES[name];
  const schema = answer ?? (typeof route.answer === "string" ? null : route.answer);
  if (!schema)
    throw new Error(`${name} answers with a file or nothing: link to it with routeHref, or give an answer schema`);
  return fetchJson(schema, routePath(name, options.params ?? ({} as RouteParams<N>), options.query), {
    method: route.method,
    ...(options.body !== undefined ? { body: options.body } : route.method === "POST" ? { body: {} } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.adminKey ? { adminKey: options.adminKey } : {}),
  });
}

/** A route's address, for a link or a download (the exports). */
export const routeHref = <N extends RouteName>(name: N, params: RouteParams<N>, query: Record<string, string> = {}) =>
  routePath(name, params, query);
