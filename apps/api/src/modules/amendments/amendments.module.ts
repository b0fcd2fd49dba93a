import { Module, OnModuleInit } from '@nestjs/common';
import { ACTIVITY_STATES } from '@palabre/domain';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { ActivityKinds } from '../sessions/activity-kinds';
import { SessionsModule } from '../sessions/sessions.module';
import { SurveysModule } from '../surveys/surveys.module';
import { AmendmentVotesService } from './amendment-votes.service';
import { AmendmentsBroadcaster } from './amendments.broadcaster';
import { AmendmentsCommands } from './amendments.commands';
import { AmendmentsOutcomes } from './amendments-outcomes';
import { amendmentsRepository } from './amendments.repository';
import { AmendmentsService } from './amendments.service';

@Module({
  imports: [SessionsModule, SurveysModule],
  providers: [AmendmentsService, AmendmentVotesService, AmendmentsBroadcaster, AmendmentsCommands, AmendmentsOutcomes],
})
export class AmendmentsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly amendments: AmendmentsService,
    private readonly votes: AmendmentVotesService,
    private readonly broadcaster: AmendmentsBroadcaster,
    private readonly outcomes: AmendmentsOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('amendments', {
      feature: 'amendments',
      states: ACTIVITY_STATES.amendments,
      create: (tx, activity, config, actor) => this.amendments.create(tx, activity, config, actor),
      remove: async (tx, activity) => {
        // Only a draft is deleted: nothing was filed nor voted; its companion survey stays for staff to delete.
        await amendmentsRepository.deleteText(tx.manager, activity.id);
      },
      open: (tx, activity) => this.open(tx, activity),
      close: async (tx, activity, actorId) => {
        await this.votes.closeText(tx, activity, actorId);
        return 'closed';
      },
      reopen: (tx, activity) => this.open(tx, activity),
      snapshot: (actor, manager) => this.amendments.snapshot(actor, manager),
      outcomes: (sessionId, manager) => this.outcomes.sections(sessionId, manager),
      group: null,
    });
  }

  private async open(tx: Tx, activity: Activity): Promise<'open'> {
    await amendmentsRepository.setActivityState(tx.manager, activity.id, 'open');
    tx.afterCommit(() => this.broadcaster.mark(activity.id));
    return 'open';
  }
}
