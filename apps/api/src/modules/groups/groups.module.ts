import { ACTIVITY_STATES } from '@palabre/domain';
import { ActivityKinds } from '../sessions/activity-kinds';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { Module, type OnModuleInit } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { GroupAccess } from './group-access';
import { GroupOutcomes } from './group-outcomes';
import { GroupsController } from './groups.controller';
import { GroupsCommands } from './groups.commands';
import { groupsKind } from './groups.kind';
import { groupsRepository } from './groups.repository';
import { GroupsSnapshotContributor } from './groups.snapshot';
import { PlacementService } from './placement.service';
import { ReportBackService } from './report-back.service';
import { SynthesisService } from './synthesis.service';

@Module({
  imports: [SessionsModule],
  controllers: [GroupsController],
  providers: [GroupOutcomes, GroupAccess, PlacementService, SynthesisService, ReportBackService, GroupsSnapshotContributor, GroupsCommands],
  // The demo seeder uses the services.
  exports: [PlacementService, SynthesisService, ReportBackService],
})
export class GroupsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly lifecycle: ActivityLifecycle,
    private readonly contributor: GroupsSnapshotContributor,
    private readonly groupOutcomes: GroupOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('groups', {
      feature: 'groups',
      states: ACTIVITY_STATES.groups,
      ...groupsKind,
      open: () => Promise.resolve('live'),
      // The groups' own boards and surveys close with the working time, in the same transaction.
      close: async (tx, activity, actorId) => {
        for (const id of await groupsRepository.ownedActivityIds(tx.manager, activity.id)) await this.lifecycle.close(tx, id, actorId);
        return 'closed';
      },
      reopen: () => Promise.resolve('live'),
      snapshot: (actor, manager) => this.contributor.collect(actor, manager),
      outcomes: (sessionId, manager) => this.groupOutcomes.sections(sessionId, manager),
      group: null,
    });
  }
}
