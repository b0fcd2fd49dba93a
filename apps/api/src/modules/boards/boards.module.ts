import { Module, type OnModuleInit } from '@nestjs/common';
import { ActivityKindRegistry } from '../../common/realtime/activity-kinds';
import { SnapshotRegistry } from '../../common/realtime/snapshot-registry';
import { GroupAdapters } from '../groups/group-adapters';
import { GroupsModule } from '../groups/groups.module';
import { OutcomeRegistry } from '../outcomes/outcome-registry';
import { SessionsModule } from '../sessions/sessions.module';
import { BoardOutcomes } from './board-outcomes';
import { BoardSeeding } from './board-seeding';
import { BoardStore } from './board-store';
import { BoardsGateway } from './boards.gateway';
import { BoardsService } from './boards.service';
import { CommentsService } from './comments.service';
import { IdeasService } from './ideas.service';
import { ModerationService } from './moderation.service';
import { SimilarityService } from './similarity.service';
import { SupportBroadcaster } from './support-broadcaster';
import { SupportsService } from './supports.service';

/** Idea boards: columns, ideas, supports and dots, comments, moderation, similar ideas. */
@Module({
  imports: [SessionsModule, GroupsModule],
  providers: [BoardStore, BoardOutcomes, BoardSeeding, BoardsService, IdeasService, SupportsService, CommentsService, ModerationService, SimilarityService, SupportBroadcaster, BoardsGateway],
  exports: [BoardsService, SimilarityService],
})
export class BoardsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKindRegistry,
    private readonly snapshots: SnapshotRegistry,
    private readonly boards: BoardsService,
    private readonly outcomes: OutcomeRegistry,
    private readonly boardOutcomes: BoardOutcomes,
    private readonly groupAdapters: GroupAdapters,
    private readonly seeding: BoardSeeding,
  ) {}

  onModuleInit(): void {
    this.kinds.register('board', this.boards.kind);
    this.snapshots.register('boards', (actor, manager) => this.boards.snapshot(actor, manager));
    this.outcomes.register('boards', (sessionId, manager) => this.boardOutcomes.sections(sessionId, manager));
    this.groupAdapters.register({
      boardSeeder: { seed: (tx, actor, boardActivityId, cards) => this.seeding.seed(tx, actor, boardActivityId, cards) },
      ideas: { ideas: (tx, sessionId, ideaIds) => this.seeding.ideaCards(tx, sessionId, ideaIds) },
    });
  }
}
