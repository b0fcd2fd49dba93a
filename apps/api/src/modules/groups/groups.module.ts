import { Module, type OnModuleInit } from '@nestjs/common';
import { ActivityKindRegistry } from '../../common/realtime/activity-kinds';
import { SnapshotRegistry } from '../../common/realtime/snapshot-registry';
import { OutcomeRegistry } from '../outcomes/outcome-registry';
import { SessionsModule } from '../sessions/sessions.module';
import { GroupAdapters } from './group-adapters';
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
  providers: [GroupAdapters, GroupOutcomes, GroupsStore, PlacementService, SynthesisService, ReportBackService, GroupsSnapshotContributor, GroupsGateway],
  // Boards and surveys register their adapters on GroupAdapters; the demo seeder uses the services.
  exports: [GroupAdapters, PlacementService, SynthesisService, ReportBackService],
})
export class GroupsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKindRegistry,
    private readonly snapshots: SnapshotRegistry,
    private readonly contributor: GroupsSnapshotContributor,
    private readonly outcomes: OutcomeRegistry,
    private readonly groupOutcomes: GroupOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('groups', groupsKind);
    this.snapshots.register('groups', (actor, manager) => this.contributor.collect(actor, manager));
    this.outcomes.register('groups', (sessionId, manager) => this.groupOutcomes.sections(sessionId, manager));
  }
}
