// Which teams this browser drafted for in a session, so the results page can
// open with them. Team ids only, never tokens: a team id grants nothing, so it
// may outlive the tab in localStorage (results are often opened later, or in
// another tab), beside the seats this tab still holds (storage.ts).
import { mySeatsStore } from "./storage";

const key = (sessionId: string) => `warroom:my_teams:${sessionId}`;

function remembered(sessionId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key(sessionId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export const myTeamsStore = {
  /** The seats this tab holds, then the teams this browser joined as, each once. */
  get(sessionId: string): string[] {
    return [...new Set([...Object.keys(mySeatsStore.get(sessionId)), ...remembered(sessionId)])];
  },
  remember(sessionId: string, teamId: string) {
    const teams = remembered(sessionId);
    if (teams.includes(teamId)) return;
    try {
      window.localStorage.setItem(key(sessionId), JSON.stringify([...teams, teamId]));
    } catch {
      // not remembered: the results page shows this team among the others
    }
  },
};
