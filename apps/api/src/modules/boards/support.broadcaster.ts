import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Coalescer } from '../../common/live/coalescer';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import type { Tx } from '../../common/db/transaction';
import { boardsRepository } from './boards.repository';

/** Supports of a burst are sent together: at most one count update per board every 100 ms. */
const COALESCE_MS = 100;

/**
 * Sends fresh support counts after commits, coalesced per board. Each update is a full count
 * read after the commit (idempotent), so a late or repeated one is harmless.
 */
@Injectable()
export class SupportBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('Supports');
  private readonly coalescer = new Coalescer<string, Set<string> | 'all'>({
    delayMs: COALESCE_MS,
    merge: (pending, next) => (pending === 'all' || next === 'all' ? 'all' : new Set([...pending, ...next])),
    deliver: (activityId, ideaIds) => this.deliver(activityId, ideaIds),
    onError: (error) => this.logger.warn(`support counts not sent: ${error instanceof Error ? error.message : String(error)}`),
  });

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Marks the ideas once the transaction commits (the use cases call this). */
  markAfterCommit(tx: Tx, activityId: string, ideaIds: string[] | 'all'): void {
    tx.afterCommit(() => this.mark(activityId, ideaIds));
  }

  /** Call after the commit; `'all'` sends every idea of the board (reveal). */
  mark(activityId: string, ideaIds: string[] | 'all'): void {
    this.coalescer.mark(activityId, ideaIds === 'all' ? 'all' : new Set(ideaIds));
  }

  private async deliver(activityId: string, ideaIds: Set<string> | 'all'): Promise<void> {
    const board = await boardsRepository.supportAudience(this.db.manager, activityId);
    if (!board) return;
    const counts = await boardsRepository.supportCounts(this.db.manager, activityId, ideaIds === 'all' ? undefined : [...ideaIds]);
    const staff = rooms.staff(board.session_id);
    // Hidden supports: only the staff see counts; members keep their own state from their acks.
    const audience = activityRooms({ sessionId: board.session_id, groupId: board.group_id, state: board.state }, await readReportBackOpen(this.db.manager, board.session_id));
    const room = board.supports_hidden ? [staff] : [...audience, staff];
    this.emitter.emit(room, 'support.updated', { sessionId: board.session_id, version: board.version, activityId, counts });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
