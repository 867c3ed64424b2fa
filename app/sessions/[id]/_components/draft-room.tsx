"use client";
// The draft room: picks the token to join with, then lays out the panels.
import { useEffect, useMemo, useState } from "react";
import { useAvailablePlayers } from "@/lib/client/use-available-players";
import { useDraftRoom } from "@/lib/client/use-draft-room";
import { adminKeyStore, seatTokenStore } from "@/lib/client/storage";
import { AdminControls } from "./admin-controls";
import { ConnectionBar } from "./connection-bar";
import { DraftOrder } from "./draft-order";
import { OnTheClock } from "./on-the-clock";
import { PickLog } from "./pick-log";
import { PlayerBoard } from "./player-board";
import { RoomHeader } from "./room-header";

interface Props {
  sessionId: string;
  urlToken: string | undefined;
  asAdmin: boolean;
}

export function DraftRoom({ sessionId, urlToken, asAdmin }: Props) {
  // null until mounted: the token may come from browser storage
  const [auth, setAuth] = useState<{ token?: string } | null>(null);
  useEffect(() => {
    if (urlToken) {
      seatTokenStore.set(sessionId, urlToken);
      setAuth({ token: urlToken });
      return;
    }
    const stored = asAdmin ? adminKeyStore.get() : seatTokenStore.get(sessionId);
    setAuth(stored ? { token: stored } : {});
  }, [sessionId, urlToken, asAdmin]);

  const { room, status, makePick, adminAction, reconnectNow, rejoin } = useDraftRoom(sessionId, auth?.token, auth !== null);
  const { players, error: playersError } = useAvailablePlayers(sessionId, room.snapshot);
  const { snapshot, role, team_id } = room;

  const teamNames = useMemo(() => new Map((snapshot?.teams ?? []).map((t) => [t.team_id, t.name])), [snapshot?.teams]);
  const current = snapshot?.current_pick ?? null;
  const mayPick =
    snapshot?.status === "running" && current !== null && (role === "admin" || (role === "team" && team_id === current.team_id));
  const pickerRole = role === "admin" || role === "team";

  return (
    <main className="mx-auto max-w-7xl space-y-3 p-3 sm:p-4">
      <RoomHeader snapshot={snapshot} role={role} teamId={team_id} teamNames={teamNames} presence={room.presence} />
      <ConnectionBar
        status={status}
        joining={room.joining}
        joinError={room.join_error}
        onReconnect={reconnectNow}
        onRejoin={rejoin}
        onSpectate={auth?.token ? () => setAuth({}) : undefined}
      />
      <OnTheClock snapshot={snapshot} teamNames={teamNames} role={role} teamId={team_id} serverOffsetMs={room.server_offset_ms} />
      {role === "admin" && snapshot && <AdminControls snapshot={snapshot} onAction={adminAction} />}
      <div className="grid gap-3 lg:grid-cols-[16rem_minmax(0,1fr)_20rem]">
        <DraftOrder className="order-3 lg:order-1" snapshot={snapshot} />
        <PlayerBoard
          className="order-1 lg:order-2"
          players={players}
          loadError={playersError}
          showPickColumn={pickerRole}
          mayPick={mayPick}
          pickingFor={role === "admin" && current ? current.team_id : null}
          currentOverall={current?.overall ?? null}
          onPick={makePick}
        />
        <PickLog className="order-2 lg:order-3" snapshot={snapshot} teamNames={teamNames} />
      </div>
    </main>
  );
}
