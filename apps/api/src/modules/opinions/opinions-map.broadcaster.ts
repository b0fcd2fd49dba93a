import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Coalescer } from '../../common/realtime/coalescer';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { computeMap, publicMap } from './opinions-map';

/** Gathers the answers of a burst: one recompute per map per second at most. */
const COALESCE_MS = 1000;

/**
 * Recomputes an opinion map after answers or moderation, coalesced per activity and read back
 * from the committed rows: stores it (snapshots read the stored map), sends it to the map's
 * audience (console, projector, phones), and tells each member whose group changed.
 */
@Injectable()
export class OpinionsMapBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger(OpinionsMapBroadcaster.name);
  private readonly coalescer = new Coalescer<string>({
    delayMs: COALESCE_MS,
    deliver: (activityId) => this.recompute(activityId),
    onError: (error, activityId) => this.logger.error(`Opinion map ${activityId} not recomputed: ${String(error)}`),
  });

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Call after the commit that changed the map's answers or statements. */
  mark(activityId: string): void {
    this.coalescer.mark(activityId);
  }

  /** Recomputes now (tests, and the seed): the same path as a coalesced delivery. */
  async recompute(activityId: string): Promise<void> {
    const activities: { session_id: string; group_id: string | null; state: string; version: number }[] = await this.db.query(
      'SELECT a.session_id, a.group_id, a.state, s.version FROM activity a JOIN session s ON s.id = a.session_id WHERE a.id = $1',
      [activityId],
    );
    const activity = activities[0];
    if (!activity) return;
    const { map, participantOf } = await computeMap(this.db.manager, activityId);
    const view = publicMap(activityId, map);
    const groups = Object.fromEntries(map.points.map((p) => [participantOf.get(p.memberId)!, p.group]));
    const before: { groups: Record<string, number> }[] = await this.db.query(
      `INSERT INTO opinion_map_state (activity_id, map, groups, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (activity_id) DO UPDATE SET map = EXCLUDED.map, groups = EXCLUDED.groups, updated_at = now()
       RETURNING (SELECT groups FROM opinion_map_state WHERE activity_id = $1) AS groups`,
      [activityId, JSON.stringify(view), JSON.stringify(groups)],
    );
    const previous = before[0]?.groups ?? {};
    const room = activityRooms({ sessionId: activity.session_id, groupId: activity.group_id, state: activity.state }, await readReportBackOpen(this.db.manager, activity.session_id));
    const version = Number(activity.version);
    this.emitter.emit([...new Set([...room, rooms.staff(activity.session_id)])], 'opinions.map.updated', { sessionId: activity.session_id, version, activityId, map: view });
    for (const participantId of new Set([...Object.keys(previous), ...Object.keys(groups)])) {
      const group = groups[participantId] ?? null;
      if ((previous[participantId] ?? null) === group) continue;
      this.emitter.emit(rooms.participant(participantId), 'opinions.group.updated', { sessionId: activity.session_id, version, activityId, group });
    }
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
