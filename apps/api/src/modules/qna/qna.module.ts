import { ACTIVITY_STATES } from '@palabre/domain';
import { ActivityKinds } from '../sessions/activity-kinds';
import { Module, OnModuleInit } from '@nestjs/common';
import { QnaConfig } from '@palabre/contracts';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { parseWith } from '../../common/validation';
import { SessionsModule } from '../sessions/sessions.module';
import { QnaOutcomes } from './qna-outcomes';
import { QnaVotesBroadcaster } from './qna-votes.broadcaster';
import { QnaCommands } from './qna.commands';
import { qnaRepository } from './qna.repository';
import { QnaService } from './qna.service';

@Module({
  imports: [SessionsModule],
  providers: [QnaService, QnaCommands, QnaVotesBroadcaster, QnaOutcomes],
  exports: [QnaService],
})
export class QnaModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly qna: QnaService,
    private readonly qnaOutcomes: QnaOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('qna', {
      feature: 'qna',
      states: ACTIVITY_STATES.qna,
      // Questions live in their own table; the activity only keeps the validated settings.
      create: async (tx, activity, config) => {
        const settings = parseWith(QnaConfig, config ?? {});
        await this.qna.publishSettings(tx, activity, settings);
        return settings;
      },
      remove: async (tx, activity) => {
        await qnaRepository.deleteQuestionsOf(tx.manager, activity.id);
      },
      // Asking and upvoting follow the activity state (QNA_CLOSED); the questions keep their own.
      open: (tx, activity) => this.open(tx, activity),
      close: () => Promise.resolve('closed'),
      reopen: (tx, activity) => this.open(tx, activity),
      snapshot: (actor, manager) => this.qna.snapshot(actor, manager),
      outcomes: (sessionId, manager) => this.qnaOutcomes.sections(sessionId, manager),
      group: null,
    });
  }

  /** Members hear of a Q&A when it opens: its settings (the ask form offers anonymity only where allowed) go to its audience then. */
  private async open(tx: Tx, activity: Activity): Promise<'open'> {
    await qnaRepository.openActivity(tx.manager, activity.id);
    await this.qna.publishSettings(tx, activity, parseWith(QnaConfig, activity.config ?? {}));
    return 'open';
  }
}
