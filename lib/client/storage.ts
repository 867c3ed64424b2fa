// Browser storage for the lobby and the room. Seat tokens live in
// sessionStorage, per tab, so a reload keeps the seat without the ?token= link.
// The league admin key is never stored here: it lives in an httpOnly cookie
// (POST /api/admin/session) that page scripts cannot read.
// Storage can throw (private mode, disabled cookies): then we just forget.

const DISPLAY_NAME = "warroom:display_name";
const seatKey = (sessionId: string) => `warroom:seat:${sessionId}`;
const seatsKey = (sessionId: string) => `warroom:seats:${sessionId}`;

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // not persisted; the value still works for this page view
  }
}

const local = () => window.localStorage;
const session = () => window.sessionStorage;

export const displayNameStore = {
  get: () => read(local, DISPLAY_NAME),
  set: (name: string) => write(local, DISPLAY_NAME, name),
};

/** The seat this tab drafts with in a session. */
export const seatTokenStore = {
  get: (sessionId: string) => read(session, seatKey(sessionId)),
  set: (sessionId: string, token: string) => write(session, seatKey(sessionId), token),
  forget: (sessionId: string) => write(session, seatKey(sessionId), null),
};

export type SeatTokens = Record<string, string>;

/** Every seat this tab holds in a session (a solo mock may draft for several teams), team id → token. */
export const mySeatsStore = {
  get(sessionId: string): SeatTokens {
    try {
      const parsed: unknown = JSON.parse(read(session, seatsKey(sessionId)) ?? "{}");
      if (typeof parsed !== "object" || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      );
    } catch {
      return {};
    }
  },
  add(sessionId: string, seats: SeatTokens) {
    write(session, seatsKey(sessionId), JSON.stringify({ ...mySeatsStore.get(sessionId), ...seats }));
  },
  remove(sessionId: string, teamId: string) {
    const { [teamId]: _removed, ...rest } = mySeatsStore.get(sessionId);
    write(session, seatsKey(sessionId), JSON.stringify(rest));
  },
};

const ALERT_SOUND = "warroom:alert_sound";

/** Whether the room chimes for your pick and for offers: off unless this browser turned it on. */
export const alertSoundStore = {
  get: () => read(local, ALERT_SOUND) === "on",
  set: (on: boolean) => write(local, ALERT_SOUND, on ? "on" : null),
};
