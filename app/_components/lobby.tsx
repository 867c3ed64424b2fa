"use client";
// The plain lobby: live session list on the left, league admin tools on the right.
import { useEffect, useState } from "react";
import { adminKeyStore } from "@/lib/client/storage";
import { CreateLeagueForm } from "./create-league-form";
import { CreateSessionForm } from "./create-session-form";
import { SessionList } from "./session-list";

export function Lobby() {
  // read after mount: storage does not exist during server rendering
  const [adminKey, setAdminKey] = useState<string | null>(null);
  useEffect(() => setAdminKey(adminKeyStore.get()), []);

  const changeKey = (key: string | null) => {
    adminKeyStore.set(key);
    setAdminKey(key);
  };

  return (
    <main className="mx-auto grid max-w-7xl gap-4 p-3 sm:p-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <SessionList adminKey={adminKey} />
      <div className="space-y-4">
        <CreateLeagueForm adminKey={adminKey} onKeyChange={changeKey} />
        <CreateSessionForm adminKey={adminKey} />
      </div>
    </main>
  );
}
