import type { EntityManager } from 'typeorm';
import { FloorConfig, type FloorListView, type FloorRequestView } from '@palabre/contracts';
import { orderFloor, type FloorCandidate, type FloorPlace } from '@palabre/domain';
import { parseWith } from '../../common/validation';
import { floorRepository, type FloorRow } from './floor.repository';

export function toRequestView(row: FloorRow, place?: FloorPlace): FloorRequestView {
  return {
    id: row.id,
    activityId: row.activity_id,
    participantId: row.participant_id,
    name: row.name,
    territory: row.territory,
    territoryType: row.territory_type,
    category: row.category,
    gender: row.gender,
    stance: row.stance,
    remote: row.remote,
    priority: row.priority,
    state: row.state,
    position: place?.position ?? null,
    reason: place?.reason ?? null,
    spokenMs: Number(row.spoken_ms) + (row.state === 'speaking' ? Number(row.running_ms ?? 0) : 0),
  };
}

export function toCandidate(row: FloorRow): FloorCandidate {
  return {
    id: row.id,
    participantId: row.participant_id ?? `request:${row.id}`,
    arrival: Number(row.seq),
    priority: row.priority,
    pinned: row.pinned,
    gender: row.gender,
    category: row.category,
    territory: row.territory,
    territoryType: row.territory_type,
  };
}

/** The whole state of one list, ordered by the rule (staff view: every waiting request with its reason). */
export async function readList(manager: EntityManager, activity: { id: string; sessionId: string; config: unknown }): Promise<FloorListView> {
  const config = parseWith(FloorConfig, activity.config ?? {});
  const rows = await floorRepository.listRows(manager, activity.id);
  return buildList(activity.id, config, rows, await floorRepository.spokenInSession(manager, activity.sessionId));
}

/** Pure assembly of a list's view from its rows (`npm run bench:floor` times its `orderFloor`). */
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
  const shown = (request: FloorRequestView): FloorRequestView => ({ ...request, gender: null, reason: null });
  return { ...list, speaker: list.speaker && shown(list.speaker), waiting: list.waiting.slice(0, 3).map(shown) };
}
