import type { Metadata } from "next";
import { cookies } from "next/headers";
import { AdminConsole } from "./_components/admin-console";

export const metadata: Metadata = { title: "Admin console · WarRoom" };

// The cookie is httpOnly, so only the server can see whether there is one;
// without it the console skips asking "who am I?" (a 401 the browser would log).
const ADMIN_COOKIE = "warroom_admin";

export default async function AdminPage() {
  const jar = await cookies();
  return <AdminConsole hasCookie={jar.has(ADMIN_COOKIE)} />;
}
