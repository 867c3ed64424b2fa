import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: admin keys and seat tokens. */
export function newSecret(prefix: "adm" | "seat"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/**
 * Secrets are stored only as SHA-256 digests. They are long random strings, so a
 * fast hash is enough (no dictionary to guess from), and a digest can be looked
 * up by index instead of comparing against every stored key.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
