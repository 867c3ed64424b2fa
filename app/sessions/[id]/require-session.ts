import "@/lib/server/db/server-only";
import { notFound } from "next/navigation";
import { ContractError } from "@/lib/protocol/errors";
import { sessionIdSchema } from "@/lib/protocol/commands";
import { httpServices } from "@/lib/server/http/registry";

/**
 * A session page's first step: a malformed or unknown session id answers the
 * app's 404 page (a real HTTP 404), not a room that spins on "Loading the draft…".
 */
export async function requireSession(id: string): Promise<void> {
  if (!sessionIdSchema.safeParse(id).success) notFound();
  try {
    await httpServices().reads.snapshot(id);
  } catch (error) {
    if (ContractError.is(error) && error.code === "not_found") notFound();
    throw error;
  }
}
