// What a load generator (bench/generator.ts) tells the bench over the IPC
// channel, by message type: one map, so both ends agree on every field.
/** One many-rooms client's account of the seqs it received. */
export interface SeqClientReport {
  sessionId: string;
  baseSeq: number;
  distinct: number;
  maxSeq: number;
  dupes: number;
  outOfOrder: number;
  doneAt: number;
}

export interface GeneratorMessages {
  hello: { index: number };
  connected: { connected: number; failed: number; errors: string[]; ms: number };
  /** fanout: every client of this generator has the pick */
  got: { overall: number };
  progress: { events: number; done: number; clients: number };
  /** seq: every client of this generator saw its draft complete */
  done: { at: number };
  /** fanout carries latencies, lost and dupes; seq carries events and perClient */
  result: {
    clients: number;
    disconnected: number;
    disconnects: Record<string, number>;
    latencies?: Float64Array;
    lost?: number;
    dupes?: number;
    events?: number;
    perClient?: SeqClientReport[];
  };
  closed: { readonly nothing?: never };
}

export type GeneratorMessageType = keyof GeneratorMessages;
export type GeneratorMessage = {
  [K in GeneratorMessageType]: { type: K } & GeneratorMessages[K];
}[GeneratorMessageType];
