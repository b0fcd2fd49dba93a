import { ACTIVITY_STATES } from '@palabre/domain';
import { ActivityKinds } from '../sessions/activity-kinds';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { Module, type OnModuleInit } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { GroupOutcomes } from './group-outcomes';
import { GroupsController } from './groups.controller';
import { GroupsGateway } from './groups.gateway';
import { groupsKind } from './groups.kind';
import { GroupsSnapshotContributor } from './groups.snapshot';
import { GroupsStore } from './groups.store';
import { PlacementService } from './placement.service';
import { ReportBackService } from './report-back.service';
import { SynthesisService } from './synthesis.service';

@Module({
  imports: [SessionsModule],
  controllers: [GroupsController],
  providers: [GroupOutcomes, GroupsStore, PlacementService, SynthesisService, ReportBackService, GroupsSnapshotContributor, GroupsGateway],
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
        const owned: { id: string }[] = await tx.manager.query(
          'SELECT a.id FROM activity a JOIN working_group g ON g.id = a.group_id WHERE g.activity_id = $1 ORDER BY a.position, a.id',
          [activity.id],
        );
        for (const { id } of owned) await this.lifecycle.close(tx, id, actorId);
        return 'closed';
      },
      reopen: () => Promise.resolve('live'),
      snapshot: (actor, manager) => this.contributor.collect(actor, manager),
      outcomes: (sessionId, manager) => this.groupOutcomes.sections(sessionId, manager),
      group: null,
    });
  }
}
