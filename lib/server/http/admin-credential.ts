// An admin proves itself with its league key: as a Bearer token (scripts, bots)
// or in the admin console's httpOnly cookie, which page scripts cannot read.
import { bearerToken } from "./respond";

export const ADMIN_COOKIE = "warroom_admin";
const COOKIE_MAX_AGE_S = 60 * 60 * 24 * 30;

/** Longer than any key we issue: refused before it costs a hash or a lookup. */
const MAX_CREDENTIAL_LENGTH = 200;

export function adminCredential(request: Request): string | undefined {
  const credential = bearerToken(request) ?? readCookie(request.headers.get("cookie"), ADMIN_COOKIE);
  return credential && credential.length <= MAX_CREDENTIAL_LENGTH ? credential : undefined;
}

export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined; // malformed percent-encoding: no credential, not a crash
    }
  }
  return undefined;
}

/** HttpOnly and SameSite=Strict always; Secure whenever the page came over HTTPS (directly or behind a proxy). */
export function adminCookie(request: Request, value: string | null): string {
  const https = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const attributes = ["Path=/", "HttpOnly", "SameSite=Strict", ...(https ? ["Secure"] : [])];
  return value === null
    ? [`${ADMIN_COOKIE}=`, "Max-Age=0", ...attributes].join("; ")
    : [`${ADMIN_COOKIE}=${encodeURIComponent(value)}`, `Max-Age=${COOKIE_MAX_AGE_S}`, ...attributes].join("; ");
}
