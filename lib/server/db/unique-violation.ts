import { UNIQUE_VIOLATION } from "./sql-client";

/**
 * A unique key refused a write. Prisma says P2002 when the driver adapter names
 * the violation; PGlite's adapter passes PostgreSQL's own error through (a
 * DriverAdapterError whose cause carries SQLSTATE 23505); the raw drivers say 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; kind?: unknown } } | null;
  return e?.code === "P2002" || e?.code === UNIQUE_VIOLATION || e?.cause?.code === UNIQUE_VIOLATION || e?.cause?.kind === "UniqueConstraintViolation";
}
