import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ADMIN_COOKIE } from "@/lib/server/http/admin-credential";
import { AdminConsole } from "./_components/admin-console";

export const metadata: Metadata = { title: "Admin console · WarRoom" };

// The cookie is httpOnly, so only the server can see whether there is one;
// without it the console skips asking "who am I?" (a 401 the browser would log).

export default async function AdminPage() {
  const jar = await cookies();
  return <AdminConsole hasCookie={jar.has(ADMIN_COOKIE)} />;
}
