import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isPublicQuestion } from '@palabre/domain';
import { Coalescer } from '../../common/live/coalescer';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { qnaRepository } from './qna.repository';

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
    const question = await qnaRepository.voteAudience(this.db.manager, questionId);
    if (!question) return;
    const staff = rooms.staff(question.session_id);
    const audience = activityRooms({ sessionId: question.session_id, groupId: question.group_id, state: question.state }, await readReportBackOpen(this.db.manager, question.session_id));
    const room = isPublicQuestion(question.status) ? [...audience, staff] : staff;
    this.emitter.emit(room, 'qna.votes.updated', { sessionId: question.session_id, version: question.version, activityId: question.activity_id, questionId, votes: Number(question.votes) });
  }

  onModuleDestroy(): void {
    this.coalescer.close();
  }
}
