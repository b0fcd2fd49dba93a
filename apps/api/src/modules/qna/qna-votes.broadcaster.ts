import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isPublicQuestion } from '@palabre/domain';
import type { QnaQuestionStatus } from '@palabre/contracts';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';

const COALESCE_MS = 150;

/**
 * Upvote counts, coalesced per question and read back from the database after the commit:
 * whatever the vote rate and commit order, the last count a client receives is the stored one.
 */
@Injectable()
export class QnaVotesBroadcaster implements OnModuleDestroy {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  changed(questionId: string): void {
    if (this.timers.has(questionId)) return;
    this.timers.set(
      questionId,
      setTimeout(() => {
        this.timers.delete(questionId);
        void this.broadcast(questionId).catch(() => undefined);
      }, COALESCE_MS),
    );
  }

  private async broadcast(questionId: string): Promise<void> {
    const rows: { session_id: string; activity_id: string; group_id: string | null; state: string; status: QnaQuestionStatus; votes: number; version: number }[] = await this.db.query(
      `SELECT q.session_id, q.activity_id, a.group_id, a.state, q.status, q.votes, s.version
         FROM qna_question q JOIN session s ON s.id = q.session_id JOIN activity a ON a.id = q.activity_id WHERE q.id = $1`,
      [questionId],
    );
    const r = rows[0];
    if (!r) return;
    const staff = rooms.staff(r.session_id);
    const audience = activityRooms({ sessionId: r.session_id, groupId: r.group_id, state: r.state }, await readReportBackOpen(this.db.manager, r.session_id));
    const room = isPublicQuestion(r.status) ? [...audience, staff] : staff;
    this.emitter.emit(room, 'qna.votes.updated', { sessionId: r.session_id, version: r.version, activityId: r.activity_id, questionId, votes: Number(r.votes) });
  }

  onModuleDestroy(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
