// The draft engine's data: plain values, no I/O. A session's state is its
// configuration folded over its persisted event log (reducer.ts).
import type { FuturePick, FuturePickOwner, Player, SessionEvent, Slot, SnapshotTeam } from "../protocol/shapes";
import type { Board } from "./board";

/** A pool player as the engine sees it: the wire Player plus what the CPU GMs draft by. */
export interface PoolPlayer extends Player {
  /** what a club's needs name: a position group (OL, DB…) in a bundled class, a canonical position (OT, CB…) in an imported one */
  category: string;
  /** the board's value of the player on the log-rank scale (board-score.ts); made by makePool */
  boardScore: number;
}

/**
 * A club's needs for one draft class, most pressing first; weights in (0, 1].
 * Categories as in PoolPlayer.category; one may repeat ("needs two OL"): each
 * pick fills the most pressing open entry of its category.
 */
export type NeedProfile = readonly { category: string; weight: number }[];

/** A draft class, bundled or imported: static, shared by every session drafting it. */
export interface DraftPool {
  id: string;
  rounds: number;
  teams: { team_id: string; name: string }[];
  /** sorted by rank, best first */
  players: PoolPlayer[];
  playersById: ReadonlyMap<string, PoolPlayer>;
  /** the real draft order, every round */
  order: Slot[];
  /** each club's needs going into this draft; a club without a profile drafts by board value */
  needs: Readonly<Record<string, NeedProfile>>;
}

/**
 * A club and who drafts for it: the wire's snapshot team. Casing: the engine's
 * own types are camelCase; the wire shapes it reuses (teams, slots, picks,
 * players, trades) keep the contract's snake_case.
 */
export type TeamSeat = SnapshotTeam;

export interface SimulatorSettings {
  seed?: number;
  cpuRandomness?: number;
  needWeight?: number;
  tradeChart?: string;
  /** CPU GMs may offer to trade up into a human seat's pick (default true) */
  cpuTradeOffers?: boolean;
  /**
   * CPU GMs trade with each other during the draft (v2's cpu_trades). The
   * engine's default is false so a session that never asked keeps its draft;
   * the contract's default (true) is the caller's to pass.
   */
  cpuTrades?: boolean;
}

export interface DraftConfig {
  sessionId: string;
  name: string;
  pool: DraftPool;
  rounds: number;
  /** 0 = untimed */
  secondsPerPick: number;
  cpuDelayMs: number;
  teams: TeamSeat[];
  settings: SimulatorSettings;
}

/** A session on the server: the board every event changes (board.ts) plus what the engine alone keeps. */
export interface DraftState extends Board {
  config: DraftConfig;
  takenPlayerIds: ReadonlySet<string>;
  /** epoch ms when the clock expires (running and timed only) */
  deadline: number | null;
  /** clock left when paused (timed only) */
  remainingMs: number | null;
  /** epoch ms when the current slot came on the clock (running only); CPU seats pick cpuDelayMs after it */
  turnStartedAt: number | null;
  queues: Readonly<Record<string, readonly string[]>>;
  /** the engine always keeps who owns every future pick */
  future_picks: FuturePickOwner[];
}

/** Who asks for a pick: the seat of the team itself, or an admin on its behalf. */
export type Actor = { kind: "team"; teamId: string } | { kind: "admin" };

export type DraftCommand =
  | { type: "start" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "undo_last_pick" }
  | { type: "force_autopick" }
  | { type: "complete" }
  | { type: "autopick_rest" }
  | { type: "make_pick"; actor: Actor; teamId: string; playerId: string; expectedOverall?: number }
  /** the clock's work that is due at `now`: CPU seats' picks and expired clocks */
  | { type: "tick" }
  /** tradeId is chosen by the caller: the engine takes no randomness it was not given */
  | {
      type: "propose_trade";
      actor: Actor;
      tradeId: string;
      fromTeamId: string;
      toTeamId: string;
      give: number[];
      receive: number[];
      giveFuture?: FuturePick[];
      receiveFuture?: FuturePick[];
    }
  | { type: "respond_trade"; actor: Actor; tradeId: string; accept: boolean }
  /** shop the pick: the team on the clock asks the CPU GMs for offers; up to three arrive as pending offers to it */
  | { type: "shop_pick"; actor: Actor; teamId: string };

export type DraftEvent = SessionEvent;
