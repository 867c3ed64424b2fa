// Browser storage for the plain UI. The admin key lives in localStorage for now
// (a later issue moves it to an httpOnly cookie); a seat token lives in
// sessionStorage, per tab, so a reload keeps the seat without the ?token= link.
// Storage can throw (private mode, disabled cookies): then we just forget.

const ADMIN_KEY = "warroom:admin_key";
const DISPLAY_NAME = "warroom:display_name";
const seatKey = (sessionId: string) => `warroom:seat:${sessionId}`;

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

export const adminKeyStore = {
  get: () => read(local, ADMIN_KEY),
  set: (key: string | null) => write(local, ADMIN_KEY, key),
};

export const displayNameStore = {
  get: () => read(local, DISPLAY_NAME),
  set: (name: string) => write(local, DISPLAY_NAME, name),
};

export const seatTokenStore = {
  get: (sessionId: string) => read(session, seatKey(sessionId)),
  set: (sessionId: string, token: string) => write(session, seatKey(sessionId), token),
};
