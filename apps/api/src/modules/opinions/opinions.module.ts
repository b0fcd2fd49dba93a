import { Module, OnModuleInit } from '@nestjs/common';
import { OpinionsConfig } from '@palabre/contracts';
import { ACTIVITY_STATES } from '@palabre/domain';
import { parseWith } from '../../common/validation';
import { ActivityKinds } from '../sessions/activity-kinds';
import { SessionsModule } from '../sessions/sessions.module';
import { OpinionsMapBroadcaster } from './opinions-map.broadcaster';
import { OpinionsOutcomes } from './opinions-outcomes';
import { opinionsRepository } from './opinions.repository';
import { OpinionsCommands } from './opinions.commands';
import { OpinionsService } from './opinions.service';

@Module({
  imports: [SessionsModule],
  providers: [OpinionsService, OpinionsCommands, OpinionsMapBroadcaster, OpinionsOutcomes],
  exports: [OpinionsService, OpinionsMapBroadcaster],
})
export class OpinionsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly opinions: OpinionsService,
    private readonly outcomes: OpinionsOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('opinions', {
      feature: 'opinions',
      states: ACTIVITY_STATES.opinions,
      // Statements and answers live in their own tables; the activity keeps the validated settings.
      create: (_tx, _activity, config) => Promise.resolve(parseWith(OpinionsConfig, config ?? {})),
      remove: (tx, activity) => opinionsRepository.deleteActivity(tx.manager, activity.id),
      // Answers and proposals follow the activity state (OPINIONS_CLOSED); statements keep theirs.
      open: () => Promise.resolve('open'),
      close: () => Promise.resolve('closed'),
      reopen: () => Promise.resolve('open'),
      snapshot: (actor, manager) => this.opinions.snapshot(actor, manager),
      outcomes: (sessionId, manager) => this.outcomes.sections(sessionId, manager),
      group: null,
    });
  }
}
