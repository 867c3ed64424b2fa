// The floor WarRoom's fan-out is measured against: a bare Socket.IO server on
// the same versions and options (heartbeat, message size), with no database,
// no validation and no state. A client joins a room; a make_pick is relayed as
// the draft_pick payload it carries (the very payload WarRoom broadcast for
// that pick in the same bench run) to everyone in the room, then acknowledged.
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? "127.0.0.1";

// the same Engine.IO settings as lib/server/warroom.ts
const httpServer = createServer((_req, res) => void res.writeHead(404).end());
const io = new Server(httpServer, { pingInterval: 20_000, pingTimeout: 15_000, maxHttpBufferSize: 64 * 1024 });

io.on("connection", (socket) => {
  socket.on("join_session", (payload: { session_id?: unknown }, ack: unknown) => {
    if (typeof ack !== "function" || typeof payload?.session_id !== "string") return;
    void socket.join(`session:${payload.session_id}`);
    ack({ ok: true, role: "spectator", snapshot: { seq: 0 } });
  });
  socket.on("make_pick", (payload: { session_id?: unknown; relay?: unknown }, ack: unknown) => {
    if (typeof ack !== "function" || typeof payload?.session_id !== "string") return;
    io.to(`session:${payload.session_id}`).emit("draft_pick", payload.relay);
    ack({ ok: true });
  });
});

httpServer.listen(port, host, () => process.stdout.write(`listening on http://${host}:${port}\n`));
const stop = () => io.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
