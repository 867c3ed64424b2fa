// "Solo mock in two clicks": everything a solo mock needs besides the choices
// on the form. A session needs a league; the user never has to see one. The
// league's admin key goes straight into the httpOnly admin cookie and is then
// dropped: only a non-secret marker (the league id) is remembered, so the next
// mock reuses the league instead of creating one per click.
import { api, type CreateSessionInput, type CreatedSession } from "./api";
import { HttpError } from "./fetch-json";

const SOLO_LEAGUE = "warroom:solo_league_id";

function rememberedLeague(): string | null {
  try {
    return window.localStorage.getItem(SOLO_LEAGUE);
  } catch {
    return null;
  }
}

function rememberLeague(leagueId: string | null) {
  try {
    if (leagueId) window.localStorage.setItem(SOLO_LEAGUE, leagueId);
    else window.localStorage.removeItem(SOLO_LEAGUE);
  } catch {
    // the next mock creates another league; harmless
  }
}

async function signInToNewLeague(): Promise<void> {
  const league = await api.createLeague("My mock drafts");
  await api.adminSignIn(league.admin_key);
  rememberLeague(league.league_id);
}

/** Create the session (signing in to a fresh league first when needed), then start it. */
export async function startSoloMock(body: CreateSessionInput): Promise<CreatedSession> {
  if (!rememberedLeague()) await signInToNewLeague();
  let created: CreatedSession;
  try {
    created = await api.createSession(body);
  } catch (err) {
    // the cookie expired or was cleared: a new league, once
    if (!(err instanceof HttpError) || err.status !== 401) throw err;
    rememberLeague(null);
    await signInToNewLeague();
    created = await api.createSession(body);
  }
  await api.sessionAction(created.session_id, "start");
  return created;
}
