import { httpServices } from "./registry";
import type { ApiHandler } from "./routes";

/** Adapts an api handler to a Next.js route export. */
export const route =
  (handler: ApiHandler) =>
  async (request: Request, context: { params?: Promise<Record<string, string>> }): Promise<Response> =>
    handler(httpServices(), request, (await context.params) ?? {});
