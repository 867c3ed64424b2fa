import type { z } from "zod";
import { ContractError } from "./errors";

/** Parse with a schema or throw the contract's invalid_payload with the failing paths. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  throw new ContractError("invalid_payload", "the payload does not match its schema", issues);
}
