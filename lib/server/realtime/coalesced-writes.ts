// One write per flush, not one per message. Engine.io sends the packets it
// buffered for a client in a loop, and the WebSocket library writes each
// frame to the TCP socket on its own: a tick of 16 picks reached each watcher
// as 16 write system calls, 15% of a busy server's time (README,
// "Performance"). Corking the socket around that loop hands the kernel the
// frames together (one writev); what reaches the client is byte for byte the
// same frames, in the same order.
import "../db/server-only";

/** The parts of an engine.io transport this reads: its name, its send loop and, for WebSocket, the TCP socket under it. */
interface Transport {
  name: string;
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

interface EngineConnection {
  transport: Transport;
  on(event: "upgrade", listener: (transport: Transport) => void): void;
}

const corked = new WeakSet<Transport>();

function corkSends(transport: Transport): void {
  const tcp = transport.name === "websocket" ? transport.socket?._socket : undefined;
  if (!tcp || typeof tcp.cork !== "function" || corked.has(transport)) return;
  corked.add(transport);
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    if (packets.length < 2) return send(packets);
    tcp.cork();
    try {
      send(packets);
    } finally {
      tcp.uncork();
    }
  };
}

/** Coalesces every client's buffered packets into one write, from the WebSocket upgrade on. */
export function coalesceWrites(engine: { on(event: "connection", listener: (conn: EngineConnection) => void): void }) {
  engine.on("connection", (conn) => {
    corkSends(conn.transport);
    conn.on("upgrade", corkSends);
  });
}
