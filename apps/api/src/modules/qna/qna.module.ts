import { Module, OnModuleInit } from '@nestjs/common';
import { QnaConfig } from '@palabre/contracts';
import { ActivityKindRegistry } from '../../common/realtime/activity-kinds';
import { SnapshotRegistry } from '../../common/realtime/snapshot-registry';
import { parseWith } from '../../common/validation';
import { OutcomeRegistry } from '../outcomes/outcome-registry';
import { SessionsModule } from '../sessions/sessions.module';
import { QnaOutcomes } from './qna-outcomes';
import { QnaVotesBroadcaster } from './qna-votes.broadcaster';
import { QnaGateway } from './qna.gateway';
import { QnaService } from './qna.service';

@Module({
  imports: [SessionsModule],
  providers: [QnaService, QnaGateway, QnaVotesBroadcaster, QnaOutcomes],
  exports: [QnaService],
})
export class QnaModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKindRegistry,
    private readonly snapshots: SnapshotRegistry,
    private readonly qna: QnaService,
    private readonly outcomes: OutcomeRegistry,
    private readonly qnaOutcomes: QnaOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('qna', {
      // Questions live in their own table; the activity only keeps the validated settings.
      onCreate: async (tx, activity, config) => {
        const settings = parseWith(QnaConfig, config ?? {});
        await this.qna.publishSettings(tx, activity, settings);
        return settings;
      },
      onDelete: async (tx, activity) => {
        await tx.manager.query('DELETE FROM qna_vote WHERE question_id IN (SELECT id FROM qna_question WHERE activity_id = $1)', [activity.id]);
        await tx.manager.query('DELETE FROM qna_question WHERE activity_id = $1', [activity.id]);
      },
    });
    this.snapshots.register('qna', (actor, manager) => this.qna.snapshot(actor, manager));
    this.outcomes.register('qna', (sessionId, manager) => this.qnaOutcomes.sections(sessionId, manager));
  }
}
