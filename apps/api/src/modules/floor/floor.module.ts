import { Module, OnModuleInit } from '@nestjs/common';
import { FloorConfig } from '@palabre/contracts';
import { ACTIVITY_STATES } from '@palabre/domain';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import type { Activity } from '../sessions/activity.entity';
import { ActivityKinds } from '../sessions/activity-kinds';
import { SessionsModule } from '../sessions/sessions.module';
import { FloorBroadcaster } from './floor.broadcaster';
import { FloorCommands } from './floor.commands';
import { FloorOutcomes } from './floor-outcomes';
import { FloorRequestBatcher } from './floor-request.batcher';
import { floorRepository } from './floor.repository';
import { FloorService } from './floor.service';

@Module({
  imports: [SessionsModule],
  providers: [FloorService, FloorCommands, FloorBroadcaster, FloorOutcomes, FloorRequestBatcher],
  exports: [FloorService],
})
export class FloorModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly floor: FloorService,
    private readonly broadcaster: FloorBroadcaster,
    private readonly floorOutcomes: FloorOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('floor', {
      feature: 'floor',
      states: ACTIVITY_STATES.floor,
      // Requests live in their own table; the activity keeps the validated settings (speaking time, rule).
      create: (_tx, _activity, config) => Promise.resolve(parseWith(FloorConfig, config ?? {})),
      remove: async (tx, activity) => {
        await floorRepository.deleteList(tx.manager, activity.id);
      },
      open: (tx, activity) => this.open(tx, activity),
      close: async (tx, activity) => {
        await this.floor.close(tx, activity);
        return 'closed';
      },
      reopen: (tx, activity) => this.open(tx, activity),
      snapshot: (actor, manager) => this.floor.snapshot(actor, manager),
      outcomes: (sessionId, manager) => this.floorOutcomes.sections(sessionId, manager),
      group: null,
    });
  }

  private async open(tx: Tx, activity: Activity): Promise<'open'> {
    await floorRepository.openActivity(tx.manager, activity.id);
    tx.afterCommit(() => this.broadcaster.mark(activity.id));
    return 'open';
  }
}
