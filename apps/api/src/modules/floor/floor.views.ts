import type { EntityManager } from 'typeorm';
import { FloorConfig, type FloorListView, type FloorRequestView } from '@palabre/contracts';
import { orderFloor, type FloorCandidate, type FloorPlace } from '@palabre/domain';
import { parseWith } from '../../common/validation';

export interface FloorRow {
  id: string;
  session_id: string;
  activity_id: string;
  participant_id: string | null;
  name: string;
  gender: FloorRequestView['gender'];
  category: FloorRequestView['category'];
  territory: string | null;
  territory_type: FloorRequestView['territoryType'];
  stance: FloorRequestView['stance'];
  remote: boolean;
  priority: boolean;
  state: FloorRequestView['state'];
  seq: string;
  pinned: number | null;
  spoken_ms: number;
  duration_ms: number;
  /** Milliseconds the running countdown has run since it was last started (0 when paused). */
  running_ms: number | null;
  heard_rank: number | null;
}

export const FLOOR_SELECT = `SELECT r.id, r.session_id, r.activity_id, r.participant_id, r.name, r.gender, r.category, r.territory, r.territory_type,
  r.stance, r.remote, r.priority, r.state, r.seq, r.pinned, r.spoken_ms, r.duration_ms, r.heard_rank,
  CASE WHEN r.running_since IS NULL THEN NULL ELSE floor(extract(epoch FROM (now() - r.running_since)) * 1000)::int END AS running_ms
  FROM floor_request r`;

export function toRequestView(r: FloorRow, place?: FloorPlace): FloorRequestView {
  return {
    id: r.id,
    activityId: r.activity_id,
    participantId: r.participant_id,
    name: r.name,
    territory: r.territory,
    territoryType: r.territory_type,
    category: r.category,
    gender: r.gender,
    stance: r.stance,
    remote: r.remote,
    priority: r.priority,
    state: r.state,
    position: place?.position ?? null,
    reason: place?.reason ?? null,
    spokenMs: Number(r.spoken_ms) + (r.state === 'speaking' ? Number(r.running_ms ?? 0) : 0),
  };
}

export function toCandidate(r: FloorRow): FloorCandidate {
  return {
    id: r.id,
    participantId: r.participant_id ?? `request:${r.id}`,
    arrival: Number(r.seq),
    priority: r.priority,
    pinned: r.pinned,
    gender: r.gender,
    category: r.category,
    territory: r.territory,
    territoryType: r.territory_type,
  };
}

/** Speaking time recorded so far in the session, by participant (ended turns and the current one). */
export async function spokenInSession(manager: EntityManager, sessionId: string): Promise<Map<string, number>> {
  const rows: { participant_id: string; ms: number }[] = await manager.query(
    'SELECT participant_id, sum(spoken_ms)::int AS ms FROM floor_request WHERE session_id = $1 AND participant_id IS NOT NULL GROUP BY participant_id',
    [sessionId],
  );
  return new Map(rows.map((r) => [r.participant_id, Number(r.ms)]));
}

/** The whole state of one list, ordered by the rule (staff view: every waiting request with its reason). */
export async function readList(manager: EntityManager, activity: { id: string; sessionId: string; config: unknown }): Promise<FloorListView> {
  const config = parseWith(FloorConfig, activity.config ?? {});
  const rows: FloorRow[] = await manager.query(`${FLOOR_SELECT} WHERE r.activity_id = $1 AND r.state <> 'withdrawn' ORDER BY r.seq`, [activity.id]);
  return buildList(activity.id, config, rows, await spokenInSession(manager, activity.sessionId));
}

/** Pure assembly of a list's view from its rows (the benchmark times this). */
export function buildList(activityId: string, config: FloorConfig, rows: FloorRow[], spokenMs: ReadonlyMap<string, number>): FloorListView {
  const heard = rows.filter((r) => r.heard_rank !== null).sort((a, b) => (a.heard_rank ?? 0) - (b.heard_rank ?? 0));
  const waitingRows = rows.filter((r) => r.state === 'waiting');
  const places = orderFloor(waitingRows.map(toCandidate), { heard: heard.map(toCandidate), spokenMs, rule: config.rule });
  const byId = new Map(waitingRows.map((r) => [r.id, r]));
  const speakerRow = rows.find((r) => r.state === 'speaking') ?? null;
  const speaker = speakerRow ? toRequestView(speakerRow) : null;
  return {
    activityId,
    config,
    speaker,
    timer: speakerRow
      ? { durationMs: Number(speakerRow.duration_ms), remainingMs: Number(speakerRow.duration_ms) - (speaker?.spokenMs ?? 0), running: speakerRow.running_ms !== null }
      : null,
    waiting: places.map((p) => toRequestView(byId.get(p.id) as FloorRow, p)),
    queue: places.map((p) => p.id),
    heard: rows.filter((r) => r.state === 'done').length,
  };
}

/**
 * What members and screens see: the speaker and the next three (name, territory, category), the
 * order of the rest as ids. Nobody's gender nor the ordering reason (which may name it) leaves the
 * staff's view.
 */
export function publicList(list: FloorListView): FloorListView {
  const shown = (r: FloorRequestView): FloorRequestView => ({ ...r, gender: null, reason: null });
  return { ...list, speaker: list.speaker && shown(list.speaker), waiting: list.waiting.slice(0, 3).map(shown) };
}
