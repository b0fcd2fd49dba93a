import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { SupportsService } from './supports.service';

/** Supports of a burst are sent together: at most one count update per board every 100 ms. */
const COALESCE_MS = 100;

/**
 * Sends fresh support counts after commits, coalesced per board. Each update is a full count
 * read after the commit (idempotent), so a late or repeated one is harmless.
 */
@Injectable()
export class SupportBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('Supports');
  private readonly pending = new Map<string, { ideaIds: Set<string> | 'all'; timer: NodeJS.Timeout }>();

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
    private readonly supports: SupportsService,
  ) {}

  /** Call after the commit; `'all'` sends every idea of the board (reveal). */
  mark(activityId: string, ideaIds: string[] | 'all'): void {
    const entry = this.pending.get(activityId);
    if (entry) {
      if (ideaIds === 'all') entry.ideaIds = 'all';
      else if (entry.ideaIds !== 'all') for (const id of ideaIds) entry.ideaIds.add(id);
      return;
    }
    const timer = setTimeout(() => void this.flush(activityId), COALESCE_MS);
    this.pending.set(activityId, { ideaIds: ideaIds === 'all' ? 'all' : new Set(ideaIds), timer });
  }

  private async flush(activityId: string): Promise<void> {
    const entry = this.pending.get(activityId);
    this.pending.delete(activityId);
    if (!entry) return;
    try {
      const rows: { session_id: string; group_id: string | null; state: string; supports_hidden: boolean; version: number }[] = await this.db.query(
        `SELECT a.session_id, a.group_id, a.state, b.supports_hidden, s.version
           FROM activity a JOIN board b ON b.activity_id = a.id JOIN session s ON s.id = a.session_id WHERE a.id = $1`,
        [activityId],
      );
      const board = rows[0];
      if (!board) return;
      const counts = await this.supports.counts(this.db.manager, activityId, entry.ideaIds === 'all' ? undefined : [...entry.ideaIds]);
      const staff = rooms.staff(board.session_id);
      // Hidden supports: only the staff see counts; members keep their own state from their acks.
      const audience = activityRooms({ sessionId: board.session_id, groupId: board.group_id, state: board.state }, await readReportBackOpen(this.db.manager, board.session_id));
      const room = board.supports_hidden ? [staff] : [...audience, staff];
      this.emitter.emit(room, 'support.updated', { sessionId: board.session_id, version: board.version, activityId, counts });
    } catch (error) {
      this.logger.warn(`support counts not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  onModuleDestroy(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }
}
