import type { HttpServices } from "./registry";
import { httpServices } from "./registry";

type Handler = (services: HttpServices, request: Request, params: Record<string, string>) => Promise<Response>;

/** Adapts an api handler to a Next.js route export. */
export const route =
  (handler: Handler) =>
  async (request: Request, context: { params?: Promise<Record<string, string>> }): Promise<Response> =>
    handler(httpServices(), request, (await context.params) ?? {});
