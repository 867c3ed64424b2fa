import { api } from "@/lib/server/http/api";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";
export const POST = route(api.adminChat);
