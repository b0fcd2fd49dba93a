import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isPublicQuestion } from '@palabre/domain';
import type { QnaQuestionStatus } from '@palabre/contracts';
import { Coalescer } from '../../common/realtime/coalescer';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';

const COALESCE_MS = 150;

/**
 * Upvote counts, coalesced per question and read back from the database after the commit:
 * whatever the vote rate and commit order, the last count a client receives is the stored one.
 */
@Injectable()
export class QnaVotesBroadcaster implements OnModuleDestroy {
  private readonly coalescer = new Coalescer<string>({ delayMs: COALESCE_MS, deliver: (questionId) => this.broadcast(questionId) });

  constructor(
    private readonly db: DataSource,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Call after the commit that changed the question's votes. */
  mark(questionId: string): void {
    this.coalescer.mark(questionId);
  }

  private async broadcast(questionId: string): Promise<void> {
    const rows: { session_id: string; activity_id: string; status: QnaQuestionStatus; votes: number; version: number }[] = await this.db.query(
      'SELECT q.session_id, q.activity_id, q.status, q.votes, s.version FROM qna_question q JOIN session s ON s.id = q.session_id WHERE q.id = $1',
      [questionId],
    );
    const r = rows[0];
    if (!r) return;
    const room = isPublicQuestion(r.status) ? rooms.session(r.session_id) : rooms.staff(r.session_id);
    this.emitter.emit(room, 'qna.votes.updated', { sessionId: r.session_id, version: r.version, activityId: r.activity_id, questionId, votes: Number(r.votes) });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
