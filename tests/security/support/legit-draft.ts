// The legitimate side of the gauntlet: an admin and the CHI seat drafting a
// real session. Every action happens while CHI is on the clock and nothing else
// can move (CPU seats wait for it, the clock is untimed), so the same script on
// the same seed always writes the same log, however busy the server is.
import type { Socket } from "socket.io-client";
import type { ClientEventName, ClientPayload, ServerPayload } from "../../../lib/protocol/events";
import type { WarRoom } from "../../../lib/server/warroom";
import { createDraft } from "../../support/fixtures";
import { request } from "../../support/test-server";

export const LEGIT_SETTINGS = {
  rounds: 2,
  human_teams: ["CHI"],
  cpu_delay_ms: 5,
  seconds_per_pick: 0,
  seed: 20260425,
} as const;

export async function createLegitDraft(warroom: WarRoom) {
  return createDraft(warroom, { ...LEGIT_SETTINGS, human_teams: [...LEGIT_SETTINGS.human_teams] });
}

/** Joins admin and seat, runs the draft to completion; returns what the legit client saw. */
export async function runLegitDraft(
  draft: Awaited<ReturnType<typeof createLegitDraft>>,
  warroom: WarRoom,
  open: () => Promise<Socket>,
  onStep: (step: number) => void = () => {},
): Promise<{ picksSeen: number; myPicks: string[]; actions: number }> {
  const admin = await open();
  const seat = await open();
  const sessionId = draft.sessionId;
  const must = async <E extends ClientEventName>(socket: Socket, event: E, payload: ClientPayload<E>) => {
    const ack = await request(socket, event, payload);
    if (!ack.ok) throw new Error(`legit ${event} failed: ${JSON.stringify(ack.error)}`);
    return ack;
  };
  await must(admin, "join_session", { session_id: sessionId, token: draft.adminKey });
  const joined = await must(seat, "join_session", { session_id: sessionId, token: draft.seat("CHI") });
  let snapshot = joined.snapshot;
  let picksSeen = 0;
  let actions = 0;
  const myPicks: string[] = [];
  let wake: () => void = () => {};
  seat.on("draft_pick", (event: ServerPayload<"draft_pick">) => {
    picksSeen++;
    snapshot = { ...snapshot, current_pick: event.next_pick, picks: [...snapshot.picks, event.pick] };
    wake();
  });
  seat.on("trade_executed", (event: ServerPayload<"trade_executed">) => {
    snapshot = {
      ...snapshot,
      order: event.order,
      current_pick:
        event.order.find((slot) => slot.overall === snapshot.current_pick?.overall) ?? snapshot.current_pick,
    };
    wake();
  });
  seat.on("session_update", (event: ServerPayload<"session_update">) => {
    snapshot = { ...snapshot, status: event.status, current_pick: event.current_pick };
    wake();
  });
  const chiOnClock = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("CHI never came on the clock")), 30_000);
      const check = () => {
        if (snapshot.status === "complete" || snapshot.current_pick?.team_id === "CHI") {
          clearTimeout(timer);
          resolve();
        }
      };
      wake = check;
      check();
    });

  await must(admin, "admin_action", { session_id: sessionId, action: "start" });
  actions++;
  onStep(actions);
  let traded = false;
  for (;;) {
    await chiOnClock();
    if (snapshot.status === "complete") break;
    const board = (await warroom.queries.players(sessionId, { available: true })).slice(0, 5).map((p) => p.player_id);
    await must(seat, "set_queue", { session_id: sessionId, team_id: "CHI", player_ids: board });
    actions++;
    const onClock = snapshot.current_pick!;
    if (!traded && onClock.overall > 1) {
      // a fair-ish offer to the CPU team picking next; its GM answers at once, by chart value
      traded = true;
      const next = snapshot.order.find((slot) => slot.overall > onClock.overall && slot.team_id !== "CHI");
      await must(seat, "propose_trade", {
        session_id: sessionId,
        from_team_id: "CHI",
        to_team_id: next!.team_id,
        give: [onClock.overall],
        receive: [next!.overall],
      });
      actions++;
      onStep(actions);
      continue;
    }
    const pick = await must(seat, "make_pick", {
      session_id: sessionId,
      team_id: "CHI",
      player_id: board[0]!,
      expected_overall: onClock.overall,
    });
    myPicks.push(pick.pick.player.player_id);
    actions++;
    onStep(actions);
  }
  admin.disconnect();
  seat.disconnect();
  return { picksSeen, myPicks, actions };
}

/** The log with what legitimately differs between two runs (times, ids) blanked. */
export function normaliseLog(events: { seq: number; type: string; payload: unknown }[]) {
  const blank = new Set(["at", "made_at", "deadline", "remaining_ms", "session_id", "trade_id"]);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank.has(k) ? "_" : walk(v)]));
    return value;
  };
  return events.map((event) => walk({ seq: event.seq, type: event.type, payload: event.payload }));
}
