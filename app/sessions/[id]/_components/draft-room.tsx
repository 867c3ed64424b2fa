"use client";
// The draft room: picks the seat to join with, then lays out the panels.
// Everything shown comes from the room client's snapshot (resynced with
// last_seq after every reconnect), so nothing here keeps its own stale copy.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useAvailablePlayers } from "@/lib/client/use-available-players";
import { useDraftRoom } from "@/lib/client/use-draft-room";
import { incomingOffers } from "@/lib/client/room-view";
import { myTeamsStore } from "@/lib/client/my-teams";
import { alertSoundStore, mySeatsStore, seatTokenStore, type SeatTokens } from "@/lib/client/storage";
import { useRoomAlerts } from "@/lib/client/use-room-alerts";
import { QUEUE_LIMIT } from "@/lib/protocol/commands";
import type { ChatMessage } from "@/lib/protocol/chat";
import type { Player } from "@/lib/protocol/shapes";
import { DraftBoard } from "@/app/_components/draft-board";
import { AlertSettings } from "./alert-settings";
import { ChatPanel, useUnreadChat } from "./chat-panel";
import { ConnectionBar } from "./connection-bar";
import { OnTheClock } from "./on-the-clock";
import { PickAnnouncer } from "./pick-announcer";
import { PickLog } from "./pick-log";
import { PlayerBoard } from "./player-board";
import { QueuePanel } from "./queue-panel";
import { RoomHeader } from "./room-header";
import { RoomTabs, type RoomTab } from "./room-tabs";
import { SeatSwitcher } from "./seat-switcher";
import { TradeCentre } from "./trade-centre";

export function DraftRoom({ sessionId, urlToken }: { sessionId: string; urlToken: string | undefined }) {
  // null until mounted: the token comes from browser storage
  const [auth, setAuth] = useState<{ token?: string } | null>(null);
  const [seats, setSeats] = useState<SeatTokens>({});
  useEffect(() => {
    if (urlToken) seatTokenStore.set(sessionId, urlToken);
    const token = urlToken ?? seatTokenStore.get(sessionId) ?? undefined;
    setSeats(mySeatsStore.get(sessionId));
    setAuth(token ? { token } : {});
  }, [sessionId, urlToken]);

  const { room, status, makePick, setQueue, proposeTrade, respondTrade, shopPick, sendChat, reconnectNow, rejoin } =
    useDraftRoom(sessionId, auth?.token, auth !== null);
  const { players, error: playersError } = useAvailablePlayers(sessionId, room.snapshot);
  const { snapshot, role, team_id: teamId, queue } = room;
  // once joined, the seat lives in this tab's storage: take the token out of the address bar, so a shared or
  // bookmarked URL never hands the seat over (replaceState: no reload, no history entry)
  useEffect(() => {
    if (!urlToken || !role) return;
    const url = new URL(window.location.href);
    if (!url.searchParams.has("token")) return;
    url.searchParams.delete("token");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, [urlToken, role]);
  // the results page opens with the teams this browser drafted for
  useEffect(() => {
    if (role === "team" && teamId) myTeamsStore.remember(sessionId, teamId);
  }, [role, teamId, sessionId]);
  // our seat went to someone else, or the league's key changed: forget the token so a reload watches instead of failing
  const { revoked } = room;
  useEffect(() => {
    if (!revoked) return;
    seatTokenStore.forget(sessionId);
    if (revoked.role === "team") mySeatsStore.remove(sessionId, revoked.team_id);
    setSeats(mySeatsStore.get(sessionId));
  }, [revoked, sessionId]);
  const [confirming, setConfirming] = useState<Player | null>(null);

  const teamNames = useMemo(() => new Map((snapshot?.teams ?? []).map((t) => [t.team_id, t.name])), [snapshot?.teams]);
  const current = snapshot?.current_pick ?? null;
  const canDraft = role === "team";
  const mayPick = snapshot?.status === "running" && current !== null && role === "team" && teamId === current.team_id;

  const switchSeat = useCallback(
    (team: string) => {
      const token = seats[team];
      if (!token || team === teamId) return;
      seatTokenStore.set(sessionId, token);
      setAuth({ token });
    },
    [seats, sessionId, teamId],
  );
  // a solo mock with several teams: follow the clock to whichever of them is up
  useEffect(() => {
    if (snapshot?.status === "running" && current && current.team_id !== teamId && seats[current.team_id])
      switchSeat(current.team_id);
  }, [snapshot?.status, current, teamId, seats, switchSeat]);

  // alerts cover every seat this tab holds (a solo mock may hold several), never a spectator's
  const heldTeams = useMemo(
    () => (role === "team" && teamId ? [...new Set([teamId, ...Object.keys(seats)])] : []),
    [role, teamId, seats],
  );
  const [soundOn, setSoundOn] = useState(false);
  useEffect(() => setSoundOn(alertSoundStore.get()), []);
  const changeSound = useCallback((on: boolean) => {
    alertSoundStore.set(on);
    setSoundOn(on);
  }, []);
  useRoomAlerts(snapshot, heldTeams, teamNames, soundOn);

  const taken = useMemo(() => new Set((snapshot?.picks ?? []).map((p) => p.player.player_id)), [snapshot?.picks]);
  const playersById = useMemo(() => {
    const map = new Map<string, Player>((players ?? []).map((p) => [p.player_id, p]));
    for (const pick of snapshot?.picks ?? []) map.set(pick.player.player_id, pick.player);
    return map;
  }, [players, snapshot?.picks]);

  const toggleQueue = useCallback(
    (playerId: string) => {
      if (!queue) return;
      void setQueue(
        queue.includes(playerId) ? queue.filter((id) => id !== playerId) : [...queue, playerId].slice(0, QUEUE_LIMIT),
      );
    },
    [queue, setQueue],
  );

  const offers = snapshot ? incomingOffers(snapshot, teamId).length : 0;
  // the chat: a panel beside the board from lg up, a tab on a phone (with what arrived while it was closed)
  const [chatTabOpen, setChatTabOpen] = useState(false);
  const isMine = useCallback(
    (m: ChatMessage) =>
      role === "admin" ? m.from.role === "admin" : m.from.role === "team" && m.from.team_id === teamId,
    [role, teamId],
  );
  const unread = useUnreadChat(room.chat, chatTabOpen, snapshot !== null, isMine);
  const chat = (props: { title?: string; className?: string; testId?: string }) => (
    <ChatPanel
      messages={room.chat}
      teamNames={teamNames}
      canPost={role === "team" || role === "admin"}
      {...(role ? {} : { readOnlyNote: "Joining the room…" })}
      isMine={isMine}
      onSend={sendChat}
      {...props}
    />
  );
  const tabs: RoomTab[] = [];
  if (snapshot && canDraft && queue) {
    tabs.push({
      id: "queue",
      label: `Queue${queue.length ? ` ${queue.length}` : ""}`,
      content: (
        <QueuePanel
          queue={queue}
          playersById={playersById}
          taken={taken}
          mayPick={mayPick}
          onChange={(ids) => void setQueue(ids)}
          onDraft={setConfirming}
        />
      ),
    });
  }
  if (snapshot) {
    tabs.push({
      id: "trades",
      label: "Trades",
      badge: offers,
      content: (
        <TradeCentre
          snapshot={snapshot}
          teamId={canDraft ? teamId : null}
          onPropose={proposeTrade}
          onRespond={respondTrade}
          onShop={mayPick ? shopPick : undefined}
        />
      ),
    });
    tabs.push({
      id: "log",
      label: `Picks ${snapshot.picks.length}`,
      content: <PickLog snapshot={snapshot} teamNames={teamNames} />,
    });
    tabs.push({
      id: "chat",
      label: "Chat",
      badge: unread,
      narrowOnly: true,
      content: chat({ className: "h-full", testId: "chat-tab-panel" }),
    });
  }

  return (
    <main className="mx-auto max-w-[96rem] space-y-3 p-3 sm:p-4" data-testid="draft-room" data-seq={snapshot?.seq}>
      <RoomHeader
        snapshot={snapshot}
        role={role}
        teamId={teamId}
        teamNames={teamNames}
        presence={room.presence}
        live={status.state === "connected"}
      >
        {role === "team" && <AlertSettings soundOn={soundOn} onSoundChange={changeSound} />}
      </RoomHeader>
      <ConnectionBar
        status={status}
        joining={room.joining}
        joinError={room.join_error}
        onReconnect={reconnectNow}
        onRejoin={rejoin}
        onSpectate={auth?.token ? () => setAuth({}) : undefined}
      />
      {revoked && (
        <p
          role="alert"
          data-testid="seat-revoked"
          className="rounded-lg border border-amber-700 bg-amber-950/60 px-3 py-2 text-sm text-amber-100"
        >
          {revoked.role === "team"
            ? `The league admin gave the ${teamNames.get(revoked.team_id) ?? revoked.team_id} seat to someone else. You are watching now.`
            : "The league's admin key was replaced. You are watching now; sign in again with the new key to run the draft."}
        </p>
      )}
      {Object.keys(seats).length > 1 && (
        <SeatSwitcher
          seats={Object.keys(seats)}
          active={teamId}
          current={current?.team_id ?? null}
          onSwitch={switchSeat}
        />
      )}
      <OnTheClock
        snapshot={snapshot}
        teamNames={teamNames}
        role={role}
        teamId={teamId}
        serverOffsetMs={room.server_offset_ms}
        live={status.state === "connected"}
      />
      <PickAnnouncer snapshot={snapshot} teamId={teamId} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <section aria-label="Draft board" className="rounded-lg border border-slate-800 bg-slate-900 p-2">
          {snapshot ? (
            <DraftBoard
              className="max-h-[16rem] sm:max-h-[22rem]"
              order={snapshot.order}
              picks={snapshot.picks}
              rounds={snapshot.rounds}
              teams={snapshot.teams}
              currentOverall={current?.overall ?? null}
              highlightTeam={role === "team" ? teamId : null}
            />
          ) : (
            <div className="h-[16rem] sm:h-[22rem]" aria-busy="true" />
          )}
        </section>
        {chat({ title: "Chat", className: "hidden h-[23.5rem] lg:flex" })}
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <PlayerBoard
          players={players}
          loadError={playersError}
          canDraft={canDraft}
          teamId={teamId}
          mayPick={mayPick}
          currentOverall={current?.overall ?? null}
          queue={queue}
          onPick={makePick}
          onToggleQueue={toggleQueue}
          draftOver={snapshot?.status === "complete"}
          confirming={confirming}
          onConfirmingChange={setConfirming}
        />
        {tabs.length > 0 ? (
          <RoomTabs tabs={tabs} onSelect={(id) => setChatTabOpen(id === "chat")} />
        ) : (
          <div className="h-[31rem] rounded-lg border border-slate-800 bg-slate-900" aria-busy="true" />
        )}
      </div>
    </main>
  );
}
