import { UNIQUE_VIOLATION } from "./sql-client";

/**
 * A unique key refused a write. Prisma says P2002 when the driver adapter names
 * the violation; PGlite's adapter passes PostgreSQL's own error through (a
 * DriverAdapterError whose cause carries SQLSTATE 23505); the raw drivers say 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; kind?: unknown } } | null;
  return (
    e?.code === "P2002" ||
    e?.code === UNIQUE_VIOLATION ||
    e?.cause?.code === UNIQUE_VIOLATION ||
    e?.cause?.kind === "UniqueConstraintViolation"
  );
}

/** A foreign key refused a write (the row it points at is gone): Prisma's P2003, or SQLSTATE 23503 from either driver. */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; kind?: unknown } } | null;
  return (
    e?.code === "P2003" ||
    e?.code === "23503" ||
    e?.cause?.code === "23503" ||
    e?.cause?.kind === "ForeignKeyConstraintViolation"
  );
}
