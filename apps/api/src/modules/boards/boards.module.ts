import { ACTIVITY_STATES } from '@palabre/domain';
import { ActivityKinds } from '../sessions/activity-kinds';
import { Module, type OnModuleInit } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { SessionsModule } from '../sessions/sessions.module';
import { BoardAccess } from './board-access';
import { BoardOutcomes } from './board-outcomes';
import { BoardSeeding } from './board-seeding';
import { BoardsCommands } from './boards.commands';
import { BoardContentCache } from './board-content.cache';
import { BoardsService } from './boards.service';
import { CommentsService } from './comments.service';
import { IdeasService } from './ideas.service';
import { ModerationService } from './moderation.service';
import { SimilarityService } from './similarity.service';
import { SupportBroadcaster } from './support.broadcaster';
import { SupportsService } from './supports.service';

/** Idea boards: columns, ideas, supports and dots, comments, moderation, similar ideas. */
@Module({
  imports: [SessionsModule, GroupsModule],
  providers: [BoardAccess, BoardContentCache, BoardOutcomes, BoardSeeding, BoardsService, IdeasService, SupportsService, CommentsService, ModerationService, SimilarityService, SupportBroadcaster, BoardsCommands],
  exports: [BoardsService, SimilarityService],
})
export class BoardsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly boards: BoardsService,
    private readonly boardOutcomes: BoardOutcomes,
    private readonly seeding: BoardSeeding,
  ) {}

  onModuleInit(): void {
    this.kinds.register('board', {
      feature: 'boards',
      states: ACTIVITY_STATES.board,
      ...this.boards.kind,
      open: (tx, activity) => this.boards.move(tx, activity, 'open'),
      close: (tx, activity) => this.boards.move(tx, activity, 'locked'),
      reopen: (tx, activity) => this.boards.move(tx, activity, 'open'),
      snapshot: (actor, manager) => this.boards.snapshot(actor, manager),
      outcomes: (sessionId, manager) => this.boardOutcomes.sections(sessionId, manager),
      group: {
        seed: (tx, actor, boardActivityId, cards) => this.seeding.seed(tx, actor, boardActivityId, cards),
        ideaCards: (tx, sessionId, ideaIds) => this.seeding.ideaCards(tx, sessionId, ideaIds),
      },
    });
  }
}
