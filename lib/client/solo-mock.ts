// "Solo mock in two clicks": everything a solo mock needs besides the choices
// on the form. A session needs a league; the user never has to see one. A
// browser's solo mocks live in a league of their own whose key this browser
// keeps and sends as a Bearer credential for its two calls (create, start).
// The admin console's httpOnly cookie is never touched: a real league signed
// in there stays signed in, and a mock never lands in it. The mock league's
// key opens nothing but this browser's own mocks.
import { z } from "zod";
import { api, type CreateSessionInput, type CreatedSession } from "./api";
import { HttpError } from "./fetch-json";

const SOLO_LEAGUE = "warroom:solo_league";
/** what earlier versions kept (only the league id, the key went into the admin cookie): forgotten on sight */
const OLD_SOLO_LEAGUE = "warroom:solo_league_id";

const soloLeagueSchema = z.object({ league_id: z.string(), admin_key: z.string() });
type SoloLeague = z.infer<typeof soloLeagueSchema>;

function rememberedLeague(): SoloLeague | null {
  try {
    window.localStorage.removeItem(OLD_SOLO_LEAGUE);
    const parsed = soloLeagueSchema.safeParse(JSON.parse(window.localStorage.getItem(SOLO_LEAGUE) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function rememberLeague(league: SoloLeague | null) {
  try {
    if (league) window.localStorage.setItem(SOLO_LEAGUE, JSON.stringify(league));
    else window.localStorage.removeItem(SOLO_LEAGUE);
  } catch {
    // the next mock creates another league; harmless
  }
}

async function newLeague(): Promise<SoloLeague> {
  const league = await api.createLeague("My mock drafts");
  rememberLeague(league);
  return league;
}

/**
 * Create the session in this browser's mock league (made on first use), then
 * start it. Its seats are by invitation only: nobody in the lobby can take a
 * seat of someone's mock.
 */
export async function startSoloMock(body: CreateSessionInput): Promise<CreatedSession> {
  const input: CreateSessionInput = { ...body, seat_access: "invite" };
  let league = rememberedLeague() ?? (await newLeague());
  let created: CreatedSession;
  try {
    created = await api.createSession(input, league.admin_key);
  } catch (err) {
    // the league is gone (a reset server) or its key is no longer good: a new league, once
    if (!(err instanceof HttpError) || err.status !== 401) throw err;
    league = await newLeague();
    created = await api.createSession(input, league.admin_key);
  }
  await api.sessionAction(created.session_id, "start", league.admin_key);
  return created;
}
