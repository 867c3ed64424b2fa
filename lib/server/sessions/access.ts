// Who may do what in a session: league admin keys (create, sign in, rotate),
// seat tokens (claim, rotate, resolve), and the role or Actor a credential
// gives. Commands (session-commands.ts) take the Actor this resolves, from a
// socket's role or an HTTP request's admin key alike.
import "../db/server-only";
import type { Actor } from "../../draft/types";
import { ContractError } from "../../protocol/errors";
import type { Controller } from "../../protocol/shapes";
import { digestsEqual, hashSecret, newSecret } from "../auth/secrets";
import type { SessionRepository } from "./session-repository";
import type { SessionRunner } from "./session-runner";

export type Role = { role: "team"; team_id: string } | { role: "admin" } | { role: "spectator" };

/** Longer than any secret we issue: refused before it costs a hash or a lookup. */
const MAX_TOKEN_LENGTH = 200;

/** The commissioner, acting on any team's behalf. */
export const ADMIN: Actor = { kind: "admin" };

/** The engine's actor for a role: its seat's team, or an admin; a spectator may not act at all. */
export function actorOf(role: Role): Actor {
  if (role.role === "team") return { kind: "team", teamId: role.team_id };
  if (role.role === "admin") return ADMIN;
  throw new ContractError("forbidden", "spectators cannot change the draft");
}

export interface AccessDeps {
  repo: SessionRepository;
  runner: SessionRunner;
  /** a seat's token was replaced: sockets holding that seat (on every node) must lose it now */
  seatRevoked?: (sessionId: string, teamId: string) => void;
  /** the league's admin key was replaced: sockets that joined a session with it (on every node) must lose admin now */
  adminRevoked?: (sessionId: string) => void;
}

export function createAccess({ repo, runner, seatRevoked = () => {}, adminRevoked = () => {} }: AccessDeps) {
  async function findLeague(adminKey: string | undefined) {
    if (!adminKey || adminKey.length > MAX_TOKEN_LENGTH) return null;
    const hash = hashSecret(adminKey);
    const league = await repo.findLeagueByKeyHash(hash);
    return league && digestsEqual(league.adminKeyHash, hash) ? league : null;
  }

  /** The league whose admin key this is; unauthorized when none. */
  async function requireLeague(adminKey: string | undefined) {
    const league = await findLeague(adminKey);
    if (!league) throw new ContractError("unauthorized", "a league admin key is required");
    return league;
  }

  const leagueOf = async (adminKey: string | undefined): Promise<string> => (await requireLeague(adminKey)).id;

  /** The commissioner of this session, from its league's admin key; unauthorized or forbidden otherwise. */
  async function adminOf(adminKey: string | undefined, sessionId: string): Promise<Actor> {
    const leagueId = await leagueOf(adminKey);
    const { leagueId: owner } = await runner.mustLoad(sessionId);
    if (leagueId !== owner) throw new ContractError("forbidden", "this admin key belongs to another league");
    return ADMIN;
  }

  return {
    leagueOf,
    adminOf,

    async createLeague(name: string) {
      const adminKey = newSecret("adm");
      const league = await repo.createLeague({ name, adminKeyHash: hashSecret(adminKey) });
      return { league_id: league.id, admin_key: adminKey };
    },

    /** The league an admin key opens, for the admin console's sign-in. */
    async league(adminKey: string | undefined) {
      const league = await requireLeague(adminKey);
      return { league_id: league.id, name: league.name };
    },

    /** A new key for the league (shown once); the old one stops working at once, for HTTP and for sockets. */
    async rotateAdminKey(adminKey: string | undefined) {
      const league = await requireLeague(adminKey);
      const next = newSecret("adm");
      if (!(await repo.rotateLeagueKey(league.id, league.adminKeyHash, hashSecret(next)))) {
        throw new ContractError("unauthorized", "this admin key was replaced a moment ago");
      }
      for (const sessionId of await repo.sessionIdsOfLeague(league.id)) adminRevoked(sessionId);
      return { league_id: league.id, name: league.name, admin_key: next };
    },

    /** A socket's role from its token: a seat token → that team, this league's admin key → admin, none → spectator. */
    async resolveRole(sessionId: string, token: string | undefined): Promise<Role> {
      const { leagueId } = await runner.mustLoad(sessionId);
      if (!token) return { role: "spectator" };
      if (token.length > MAX_TOKEN_LENGTH) throw new ContractError("unauthorized", "unknown token");
      const hash = hashSecret(token);
      const seat = await repo.findSeatByTokenHash(hash);
      if (seat && digestsEqual(seat.tokenHash ?? "", hash)) {
        if (seat.sessionId !== sessionId)
          throw new ContractError("forbidden", "this seat token is for another session");
        // a human seat is open until someone claims it or first joins with its token
        if (!seat.claimed) await repo.markSeatClaimed(sessionId, seat.teamId);
        return { role: "team", team_id: seat.teamId };
      }
      const league = await findLeague(token);
      if (league) {
        if (league.id !== leagueId) throw new ContractError("forbidden", "this admin key belongs to another league");
        return { role: "admin" };
      }
      throw new ContractError("unauthorized", "unknown token");
    },

    async claimSeat(sessionId: string, teamId: string, displayName: string) {
      const { state } = await runner.mustLoad(sessionId);
      const team = state.config.teams.find((t) => t.team_id === teamId);
      if (!team) throw new ContractError("not_found", `no team ${teamId} in this session`);
      if (team.controller !== "human") throw new ContractError("conflict", `${teamId} is a CPU seat`);
      const token = newSecret("seat");
      if (!(await repo.claimSeat(sessionId, teamId, hashSecret(token), displayName))) {
        // told apart after the fact, so the claim itself stays one conditional write
        if ((await repo.seatAccess(sessionId)) === "invite")
          throw new ContractError(
            "forbidden",
            `the ${teamId} seat is by invitation only: ask the league admin for its link`,
          );
        throw new ContractError("conflict", `the ${teamId} seat is already taken`);
      }
      return { token };
    },

    /** Every seat and who holds it, for the commissioner (who is connected comes with the room's presence). */
    async seatHolders(actor: Actor, sessionId: string) {
      if (actor.kind !== "admin") throw new ContractError("forbidden", "only the league admin may do this");
      const rows = await repo.seatHolders(sessionId);
      return rows.map((seat) => ({
        team_id: seat.teamId,
        name: seat.name,
        controller: seat.controller as Controller,
        claimed: seat.controller === "human" && seat.claimed,
        display_name: seat.displayName,
      }));
    },

    /** A new seat token for a human seat (for the admin to hand out again); the old one stops working. */
    async rotateSeatToken(actor: Actor, sessionId: string, teamId: string) {
      if (actor.kind !== "admin") throw new ContractError("forbidden", "only the league admin may do this");
      const token = newSecret("seat");
      if (!(await repo.rotateSeatToken(sessionId, teamId, hashSecret(token))))
        throw new ContractError("not_found", `no human seat ${teamId} in this session`);
      // the old token no longer resolves anywhere (the database is shared); sockets that joined with it lose the seat now
      seatRevoked(sessionId, teamId);
      return { token };
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
