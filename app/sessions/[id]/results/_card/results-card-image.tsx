// The shareable card drawn for Next's ImageResponse (satori): inline styles
// only, and every element with more than one child laid out with flex.
import type { CardModel, CardPick, CardTeam } from "@/lib/draft/results-card";
import { teamColor } from "@/lib/client/team-colors";

export const CARD_SIZE = { width: 1200, height: 630 };

/** A grade's colour by its letter: green A, sky B, amber C, orange D, rose F. */
export function gradeColor(grade: string | null): string {
  switch (grade?.[0]) {
    case "A":
      return "#34d399";
    case "B":
      return "#38bdf8";
    case "C":
      return "#fbbf24";
    case "D":
      return "#fb923c";
    case "F":
      return "#fb7185";
    default:
      return "#94a3b8";
  }
}

function TeamChip({ team, size }: { team: CardTeam; size: number }) {
  const color = teamColor(team.team_id);
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        minWidth: size * 2.6,
        height: size * 1.5,
        padding: `0 ${size * 0.35}px`,
        borderRadius: 8,
        backgroundColor: color.bg,
        color: color.fg,
        fontSize: size,
      }}
    >
      {team.team_id}
    </div>
  );
}

function PickLine({ pick }: { pick: CardPick }) {
  const value = pick.value_vs_board;
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        fontSize: 34,
        height: 56,
        borderBottom: "1px solid #1e293b",
      }}
    >
      <div style={{ display: "flex", width: 100, color: "#94a3b8" }}>#{pick.overall}</div>
      <div style={{ display: "flex", flex: 1, overflow: "hidden", whiteSpace: "nowrap" }}>{pick.name}</div>
      <div style={{ display: "flex", width: 90, color: "#94a3b8" }}>{pick.position}</div>
      <div
        style={{
          display: "flex",
          width: 80,
          justifyContent: "flex-end",
          color: value > 0 ? "#34d399" : value < 0 ? "#fb7185" : "#94a3b8",
        }}
      >
        {value > 0 ? `+${value}` : value < 0 ? `\u2013${-value}` : "0"}
      </div>
    </div>
  );
}

function TeamDraft({ model }: { model: Extract<CardModel, { kind: "team" }> }) {
  return (
    <div style={{ display: "flex", flex: 1, gap: 56 }}>
      <div style={{ display: "flex", flexDirection: "column", alignItems: "center", width: 320, gap: 12 }}>
        <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
          <TeamChip team={model.team} size={30} />
          <div style={{ display: "flex", fontSize: 30, color: "#e2e8f0" }}>{model.team.name}</div>
        </div>
        <div
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            width: 260,
            height: 240,
            marginTop: 8,
            borderRadius: 24,
            border: `6px solid ${gradeColor(model.team.grade)}`,
            fontSize: 180,
            color: gradeColor(model.team.grade),
          }}
        >
          {model.team.grade ?? "–"}
        </div>
        <div style={{ display: "flex", fontSize: 26, color: "#94a3b8" }}>{model.team.detail}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
        {model.picks.map((pick) => (
          <PickLine key={pick.overall} pick={pick} />
        ))}
        {model.picks.length === 0 && (
          <div style={{ display: "flex", fontSize: 28, color: "#94a3b8" }}>No picks yet.</div>
        )}
        {model.more > 0 && (
          <div style={{ display: "flex", fontSize: 24, color: "#94a3b8", marginTop: 4 }}>and {model.more} more</div>
        )}
      </div>
    </div>
  );
}

function LeagueGrades({ model }: { model: Extract<CardModel, { kind: "grades" }> }) {
  const columns = 4;
  const rows = Math.max(1, Math.ceil(model.teams.length / columns));
  return (
    <div style={{ display: "flex", flex: 1, flexDirection: "column", flexWrap: "wrap", alignContent: "flex-start" }}>
      {model.teams.map((team) => (
        <div
          key={team.team_id}
          style={{
            display: "flex",
            alignItems: "center",
            gap: 16,
            width: 258,
            height: Math.min(72, 384 / rows),
            marginRight: 12,
          }}
        >
          <TeamChip team={team} size={rows > 6 ? 22 : 28} />
          <div style={{ display: "flex", fontSize: rows > 6 ? 36 : 44, color: gradeColor(team.grade) }}>
            {team.grade}
          </div>
          {team.human && <div style={{ display: "flex", fontSize: 20, color: "#cbd5e1" }}>drafted live</div>}
        </div>
      ))}
      {model.teams.length === 0 && <div style={{ display: "flex", fontSize: 30, color: "#94a3b8" }}>No picks yet.</div>}
    </div>
  );
}

export function ResultsCardImage({ model }: { model: CardModel }) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        padding: "44px 60px",
        backgroundColor: "#020617",
        backgroundImage: "linear-gradient(135deg, #0f172a 0%, #020617 60%)",
        color: "#f8fafc",
        fontFamily: "geist",
      }}
    >
      <div style={{ display: "flex", alignItems: "baseline", justifyContent: "space-between", marginBottom: 8 }}>
        <div style={{ display: "flex", fontSize: 26, color: "#38bdf8", letterSpacing: 3 }}>WARROOM DRAFT GRADES</div>
        <div style={{ display: "flex", fontSize: 26, color: "#94a3b8" }}>{model.subtitle}</div>
      </div>
      <div
        style={{
          display: "flex",
          fontSize: 64,
          marginBottom: 24,
          overflow: "hidden",
          whiteSpace: "nowrap",
          textOverflow: "ellipsis",
        }}
      >
        {model.title}
      </div>
      {model.kind === "team" ? <TeamDraft model={model} /> : <LeagueGrades model={model} />}
    </div>
  );
}
