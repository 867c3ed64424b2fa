"use client";
// Available players: search (name, and college when the class has them), position filter, sort, and a
// keyboard-driven list (↑/↓ to move, Enter for the player's card, D to draft,
// Q to queue). A row shows what the board carries (college, grade,
// measurables); the card shows all of it and the notes. Drafting always takes
// two steps — choose, then confirm — so a stray click never spends a pick.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { AckOutcome } from "@/lib/client/emit-ack";
import { formatForty, formatGrade, formatHeight, formatWeight } from "@/lib/client/player-facts";
import { searchable } from "@/lib/draft/players";
import type { Player } from "@/lib/protocol/shapes";
import { buttonClass, inputClass, MessageLine, Panel } from "@/app/_components/ui";
import { PlayerCard } from "./player-card";

/** Rendering thousands of rows helps nobody; filter to find the rest. */
const MAX_ROWS = 300;
type SortKey = "rank" | "name" | "position" | "grade";

/** College and measurables, as one short line under the name. */
const factsLine = (p: Player) =>
  [
    p.college,
    p.height_in !== undefined ? formatHeight(p.height_in) : null,
    p.weight_lb !== undefined ? formatWeight(p.weight_lb) : null,
    p.forty !== undefined ? formatForty(p.forty) : null,
  ]
    .filter(Boolean)
    .join(" · ");

interface Props {
  players: Player[] | null;
  loadError: string | null;
  /** a seat sees Draft and queue buttons; a spectator (or an admin, who picks from the admin console) only browses */
  canDraft: boolean;
  /** the seat drafting here: a message about a pick belongs to the team that made it */
  teamId: string | null;
  mayPick: boolean;
  currentOverall: number | null;
  queue: string[] | null;
  onPick: (playerId: string) => Promise<AckOutcome>;
  onToggleQueue: (playerId: string) => void;
  /** the draft is complete: nothing left to draft or queue */
  draftOver: boolean;
  /** the player waiting for "Confirm pick"; owned by the room so the queue can ask too */
  confirming: Player | null;
  onConfirmingChange: (player: Player | null) => void;
  className?: string;
}

export function PlayerBoard(props: Props) {
  const {
    players,
    loadError,
    canDraft,
    teamId,
    mayPick,
    currentOverall,
    queue,
    onPick,
    onToggleQueue,
    confirming,
    onConfirmingChange: setConfirming,
    draftOver,
    className = "",
  } = props;
  const [query, setQuery] = useState("");
  const [position, setPosition] = useState("");
  const [sort, setSort] = useState<SortKey>("rank");
  const [active, setActive] = useState<string | null>(null);
  /** the player whose card is open */
  const [card, setCard] = useState<Player | null>(null);
  const [pending, setPending] = useState(false);
  /** the last pick's outcome, for the seat that made it; a pick's note names its player, so an undo can take it back */
  const [outcome, setOutcome] = useState<{
    text: string;
    tone: "error" | "info";
    teamId: string | null;
    playerId?: string;
    /** the player has left the list (the pick reached the board); coming back after that is an undo */
    gone?: boolean;
  } | null>(null);
  // a tab holding several seats follows the clock: one team's message is not another's
  const message = outcome && outcome.teamId === teamId ? outcome : null;
  const deferredQuery = useDeferredValue(query);
  const listRef = useRef<HTMLUListElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const queued = useMemo(() => new Set(queue ?? []), [queue]);

  const positions = useMemo(() => [...new Set((players ?? []).map((p) => p.position))].sort(), [players]);
  const graded = useMemo(() => (players ?? []).some((p) => p.grade !== undefined), [players]);
  // the bundled classes carry no colleges: only promise what the search can find
  const hasColleges = useMemo(() => (players ?? []).some((p) => p.college), [players]);

  const rows = useMemo(() => {
    // the server's matching: any case, any accent ("jose" finds José)
    const needle = searchable(deferredQuery.trim());
    const list = (players ?? []).filter(
      (p) =>
        (!position || p.position === position) &&
        (!needle || searchable(p.name).includes(needle) || searchable(p.college ?? "").includes(needle)),
    );
    if (sort === "name") list.sort((a, b) => a.name.localeCompare(b.name));
    else if (sort === "position") list.sort((a, b) => a.position.localeCompare(b.position) || a.rank - b.rank);
    else if (sort === "grade") list.sort((a, b) => (b.grade ?? -1) - (a.grade ?? -1) || a.rank - b.rank);
    else list.sort((a, b) => a.rank - b.rank);
    return list;
  }, [players, position, deferredQuery, sort]);
  const shown = rows.slice(0, MAX_ROWS);

  // a confirmation is for one pick number; when the pick moves on (or the player is gone) it is stale
  useEffect(() => setConfirming(null), [currentOverall, setConfirming]);
  useEffect(() => {
    if (confirming && players && !players.some((p) => p.player_id === confirming.player_id)) setConfirming(null);
  }, [players, confirming, setConfirming]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // the admin undid the pick: the player is back in the list, and "You drafted …" is no longer true
  const draftedId = outcome?.playerId;
  const draftedGone = outcome?.gone ?? false;
  useEffect(() => {
    if (!draftedId || !players) return;
    const listed = players.some((p) => p.player_id === draftedId);
    if (!listed && !draftedGone) setOutcome((o) => (o ? { ...o, gone: true } : o));
    else if (listed && draftedGone) setOutcome(null);
  }, [players, draftedId, draftedGone]);

  function moveTo(index: number) {
    const player = shown[Math.max(0, Math.min(shown.length - 1, index))];
    if (!player) return;
    setActive(player.player_id);
    // scroll the list, not the page
    const list = listRef.current;
    const row = list?.querySelector<HTMLElement>(`[data-player-id="${player.player_id}"]`);
    if (list && row) {
      if (row.offsetTop < list.scrollTop) list.scrollTop = row.offsetTop;
      else if (row.offsetTop + row.offsetHeight > list.scrollTop + list.clientHeight)
        list.scrollTop = row.offsetTop + row.offsetHeight - list.clientHeight;
    }
  }

  function onListKey(event: KeyboardEvent<HTMLUListElement>) {
    const index = shown.findIndex((p) => p.player_id === active);
    const activePlayer = shown[index];
    if (event.key === "ArrowDown") moveTo(index + 1);
    else if (event.key === "ArrowUp") moveTo(index <= 0 ? 0 : index - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(shown.length - 1);
    else if (event.key === "Enter" && activePlayer) setCard(activePlayer);
    else if ((event.key === "d" || event.key === "D") && activePlayer && canDraft && mayPick)
      setConfirming(activePlayer);
    else if ((event.key === "q" || event.key === "Q") && activePlayer && canDraft && queue)
      onToggleQueue(activePlayer.player_id);
    else return;
    event.preventDefault();
  }

  async function confirmPick() {
    if (!confirming) return;
    setPending(true);
    setOutcome(null);
    const picked = await onPick(confirming.player_id);
    setPending(false);
    setOutcome(
      picked.ok
        ? { text: `You drafted ${confirming.name}.`, tone: "info", teamId, playerId: confirming.player_id }
        : { text: picked.error.message, tone: "error", teamId },
    );
    setConfirming(null);
    listRef.current?.focus();
  }

  const activeId = active && shown.some((p) => p.player_id === active) ? active : null;
  return (
    <Panel title={`Available players${players ? ` (${players.length})` : ""}`} className={className}>
      <div className="flex flex-wrap gap-2 px-3 pt-3">
        <label className="sr-only" htmlFor="player-search">
          Search players
        </label>
        <input
          id="player-search"
          type="search"
          placeholder={hasColleges ? "Search name or college" : "Search by name"}
          className={`${inputClass} min-w-0 basis-full sm:flex-1 sm:basis-36`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="sr-only" htmlFor="player-position">
          Position
        </label>
        <select
          id="player-position"
          className={`${inputClass} w-auto min-w-0 flex-1 sm:w-28 sm:flex-none`}
          value={position}
          onChange={(e) => setPosition(e.target.value)}
        >
          <option value="">All pos.</option>
          {positions.map((pos) => (
            <option key={pos} value={pos}>
              {pos}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="player-sort">
          Sort by
        </label>
        <select
          id="player-sort"
          className={`${inputClass} w-auto min-w-0 flex-1 sm:w-28 sm:flex-none`}
          value={sort}
          onChange={(e) => setSort(e.target.value as SortKey)}
        >
          <option value="rank">By rank</option>
          <option value="name">By name</option>
          <option value="position">By position</option>
          {graded && <option value="grade">By grade</option>}
        </select>
      </div>

      {/* reserved height: the confirmation and messages never push the list around */}
      <div className={`flex items-center gap-2 px-3 ${canDraft ? "h-14" : "min-h-3"}`} data-testid="pick-bar">
        {confirming ? (
          <>
            <p className="min-w-0 flex-1 truncate text-sm text-slate-50">
              Draft <strong>{confirming.name}</strong> ({confirming.position}) at #{currentOverall}?
            </p>
            <button
              ref={confirmRef}
              type="button"
              className={buttonClass("primary")}
              disabled={pending || !mayPick}
              onClick={() => void confirmPick()}
            >
              {pending ? "Drafting…" : "Confirm pick"}
            </button>
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={pending}
              onClick={() => setConfirming(null)}
            >
              Cancel
            </button>
          </>
        ) : (
          <div className="min-w-0 flex-1">
            <MessageLine
              message={loadError ?? message?.text ?? null}
              tone={loadError ? "error" : (message?.tone ?? "error")}
            />
            {!loadError && !message && canDraft && (
              <p className="truncate text-xs text-slate-400">
                {mayPick
                  ? "Your pick: choose Draft on a player, then confirm."
                  : "↑/↓ to move, Enter for a player's card, Q to queue, D to draft when on the clock."}
              </p>
            )}
          </div>
        )}
      </div>

      <ul
        ref={listRef}
        tabIndex={0}
        role="listbox"
        aria-label="Available players"
        aria-activedescendant={activeId ? `player-${activeId}` : undefined}
        onKeyDown={onListKey}
        onFocus={() => !activeId && moveTo(0)}
        className="relative h-[24rem] overflow-y-auto border-t border-slate-800 text-sm lg:h-[30rem]"
        data-testid="player-list"
      >
        {players === null && !loadError && <li className="p-3 text-slate-400">Loading players…</li>}
        {players !== null && rows.length === 0 && <li className="p-3 text-slate-400">No players match.</li>}
        {shown.map((player) => {
          const isActive = player.player_id === activeId;
          const inQueue = queued.has(player.player_id);
          return (
            <li
              key={player.player_id}
              id={`player-${player.player_id}`}
              role="option"
              aria-selected={isActive}
              data-player-id={player.player_id}
              onClick={() => {
                setActive(player.player_id);
                setCard(player);
              }}
              className={`flex h-12 cursor-pointer items-center gap-2 border-b border-slate-800/70 px-3 hover:bg-slate-800/60 ${isActive ? "bg-slate-800 outline-2 -outline-offset-2 outline-sky-400" : ""}`}
            >
              <span className="w-8 shrink-0 text-right tabular-nums text-slate-400">{player.rank}</span>
              <span className="min-w-0 flex-1 leading-tight">
                <span className="block truncate font-medium text-slate-50">{player.name}</span>
                {factsLine(player) && (
                  <span className="block truncate text-xs text-slate-400">{factsLine(player)}</span>
                )}
              </span>
              {graded && (
                <span
                  className="hidden w-10 shrink-0 text-right text-xs tabular-nums text-slate-300 sm:block"
                  title="Grade"
                >
                  {player.grade !== undefined ? formatGrade(player.grade) : ""}
                </span>
              )}
              <span className="w-10 shrink-0 text-center text-xs font-semibold text-slate-200">{player.position}</span>
              {canDraft && queue && !draftOver && (
                <button
                  type="button"
                  tabIndex={-1}
                  className={buttonClass("secondary", `w-10 shrink-0 px-0 ${inQueue ? "text-amber-300" : ""}`)}
                  aria-label={inQueue ? `Remove ${player.name} from queue` : `Queue ${player.name}`}
                  aria-pressed={inQueue}
                  onClick={(e) => {
                    e.stopPropagation();
                    onToggleQueue(player.player_id);
                  }}
                >
                  {inQueue ? "★" : "☆"}
                </button>
              )}
              {canDraft && !draftOver && (
                <button
                  type="button"
                  tabIndex={-1}
                  className={buttonClass("primary", "w-16 shrink-0")}
                  disabled={!mayPick || pending}
                  aria-label={`Draft ${player.name}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    setActive(player.player_id);
                    setConfirming(player);
                  }}
                >
                  Draft
                </button>
              )}
            </li>
          );
        })}
        {rows.length > MAX_ROWS && (
          <li className="p-3 text-slate-400">{rows.length - MAX_ROWS} more — narrow the search to see them.</li>
        )}
      </ul>
      {card && (
        <PlayerCard
          player={card}
          taken={!players?.some((p) => p.player_id === card.player_id)}
          mayPick={canDraft && mayPick && !draftOver}
          canQueue={canDraft && queue !== null && !draftOver}
          queued={queued.has(card.player_id)}
          onToggleQueue={() => onToggleQueue(card.player_id)}
          onDraft={() => {
            setCard(null);
            setActive(card.player_id);
            setConfirming(card);
          }}
          onClose={() => {
            setCard(null);
            listRef.current?.focus();
          }}
        />
      )}
    </Panel>
  );
}
