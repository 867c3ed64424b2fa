import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: admin keys and seat tokens. */
export function newSecret(prefix: "adm" | "seat"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/**
 * Secrets are stored only as SHA-256 digests. They are long random strings, so a
 * fast hash is enough (no dictionary to guess from), and a digest can be looked
 * up by index instead of comparing against every stored key. An index lookup's
 * timing can only tell an attacker about the digest, never about the secret.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Constant-time equality of two hex digests (a stored hash against a presented secret's). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
