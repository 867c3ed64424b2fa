// The bridge from Next.js route handlers to the services server.ts built.
// Route modules are bundled separately from server.ts, so a module variable
// would be a different copy there; one well-known global slot is shared.
import type { HealthReport } from "../health/dependency-health";
import type { PoolService } from "../pools/pool-service";
import type { SessionQueries } from "../sessions/session-queries";
import type { Access } from "../sessions/access";
import type { SessionCommands } from "../sessions/session-commands";
import type { SessionReads } from "../sessions/session-reads";
import type { SessionSetup } from "../sessions/session-setup";
import type { ChatService } from "../chat/chat-service";

/** One route's handler: the services, the Web Request and the path's parameters in; the Response out. */
export type ApiHandler = (
  services: HttpServices,
  request: Request,
  params: Record<string, string>,
) => Promise<Response>;

export interface HttpServices {
  access: Access;
  commands: SessionCommands;
  reads: SessionReads;
  chat: ChatService;
  setup: SessionSetup;
  queries: SessionQueries;
  pools: PoolService;
  health(): Promise<HealthReport>;
}

const SLOT = Symbol.for("warroom.http-services");
type Slot = { [SLOT]?: HttpServices };

export function registerHttpServices(services: HttpServices): void {
  (globalThis as Slot)[SLOT] = services;
}

export function httpServices(): HttpServices {
  const services = (globalThis as Slot)[SLOT];
  if (!services)
    throw new Error(
      "WarRoom services are not registered: start the app with `npm start` (server.ts), not `next start`",
    );
  return services;
}
