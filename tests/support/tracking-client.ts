// A test client that behaves as the contract asks of real clients: it applies
// sequenced events in order, re-joins with last_seq on a gap or when told a
// newer seq, and fails over to another node when its node goes away.
import { io, type Socket } from "socket.io-client";

const SEQUENCED = ["draft_pick", "session_update", "trade_proposed", "trade_executed", "trade_rejected"] as const;

export interface TrackingClient {
  /** seqs applied, in order, whatever node they came from */
  applied: number[];
  /** overall → player id, as this client believes the board is */
  board: Map<number, string>;
  lastSeq(): number;
  resyncs: number;
  failovers: number;
  close(): void;
}

export async function trackingClient(urls: string[], sessionId: string, startAt = 0): Promise<TrackingClient> {
  let index = startAt;
  let socket: Socket;
  let seq = 0;
  let joining: Promise<void> | null = null;
  let closed = false;
  const state = { applied: [] as number[], board: new Map<number, string>(), resyncs: 0, failovers: 0 };

  const apply = (type: string, payload: any) => {
    if (payload.seq <= seq) return;
    if (payload.seq !== seq + 1) return void rejoin();
    seq = payload.seq;
    state.applied.push(seq);
    if (type === "draft_pick") state.board.set(payload.pick.overall, payload.pick.player.player_id);
    if (type === "session_update" && payload.undone_overall !== undefined) state.board.delete(payload.undone_overall);
  };

  const join = async () => {
    const ack: any = await socket.timeout(10_000).emitWithAck("join_session", { session_id: sessionId, last_seq: seq });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
    for (const item of ack.missed ?? []) apply(item.type, item.payload);
    // more missed than the server sends: the snapshot alone is the truth
    if (ack.snapshot.seq > seq) {
      seq = ack.snapshot.seq;
      state.board = new Map(ack.snapshot.picks.map((p: any) => [p.overall, p.player.player_id]));
    }
  };
  const rejoin = () => {
    if (joining || closed) return;
    state.resyncs++;
    joining = join()
      .catch(() => {})
      .finally(() => (joining = null));
  };

  const connect = () =>
    new Promise<void>((resolve, reject) => {
      socket = io(urls[index % urls.length]!, { transports: ["websocket"], reconnection: false, forceNew: true });
      for (const type of SEQUENCED)
        socket.on(type, (payload) => (joining ? void joining.then(() => apply(type, payload)) : apply(type, payload)));
      socket.on("session_seq", (payload: any) => payload.seq > seq && rejoin());
      socket.once("connect", () => {
        joining = join().finally(() => (joining = null));
        joining.then(resolve, reject);
      });
      socket.once("connect_error", reject);
      socket.on("disconnect", (reason) => {
        if (closed || reason === "io client disconnect") return;
        // this node went away: go to the next one and catch up from last_seq
        state.failovers++;
        index++;
        // a closed client stops retrying: a loop left running would keep Jest from exiting
        const retry = () => {
          if (!closed) connect().catch(() => setTimeout(retry, 200));
        };
        setTimeout(retry, 100);
      });
    });
  await connect();
  return {
    ...state,
    get applied() {
      return state.applied;
    },
    get board() {
      return state.board;
    },
    get resyncs() {
      return state.resyncs;
    },
    get failovers() {
      return state.failovers;
    },
    lastSeq: () => seq,
    close() {
      closed = true;
      socket.disconnect();
    },
  };
}
