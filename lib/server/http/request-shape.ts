// What a request must look like before anything serves it: a path whose
// percent-encoding decodes, and a method the path is served with. Next.js
// answers neither with a client error (a broken escape or a TRACE throws,
// and comes out as 500), so the HTTP guard answers them first.
import type { ErrorBody } from "../../protocol/errors";
import { methodsAt } from "./routes";

/** Methods a page (anything that is not an API route) may be asked with; Next.js serves the rest of its own. */
const PAGE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export interface Refusal {
  status: number;
  error: ErrorBody;
  headers?: Record<string, string>;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Why a request must be refused before it is served, or null when its shape is fine. */
export function misshapenRequest(method: string, url: string): Refusal | null {
  // a path, or an absolute URL (Next.js redirects those to their path); "*" (OPTIONS *) and the like are neither
  if (!url.startsWith("/") && !/^https?:\/\//i.test(url)) {
    return {
      status: 400,
      error: { code: "invalid_payload", message: "the request target must be a path, such as /api/pools" },
    };
  }
  const pathname = url.split("?")[0] ?? "/";
  if (!decodes(pathname)) {
    return {
      status: 400,
      error: {
        code: "invalid_payload",
        message: "the address has a broken percent-encoding (a % must be followed by two hex digits)",
      },
    };
  }
  const served = methodsAt(pathname);
  if (served.length > 0) {
    // Next.js answers HEAD for every GET route and OPTIONS for every route
    const allow = [...new Set([...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"])];
    if (!allow.includes(method)) return notAllowed(method, allow);
    return null;
  }
  return PAGE_METHODS.includes(method) ? null : notAllowed(method, ["GET", "HEAD"]);
}

function notAllowed(method: string, allow: string[]): Refusal {
  return {
    status: 405,
    error: {
      code: "not_found",
      message: `${method.slice(0, 20)} is not served here; this address takes ${allow.join(", ")}`,
    },
    headers: { allow: allow.join(", ") },
  };
}
