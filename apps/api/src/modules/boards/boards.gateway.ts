import { Injectable } from '@nestjs/common';
import type { Ack, CommandName, CommandResult } from '@palabre/contracts';
import { CommandRunner, type CommandHandler } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { OnCommand } from '../../common/realtime/on-command';
import { BoardsService } from './boards.service';
import { CommentsService } from './comments.service';
import { IdeasService } from './ideas.service';
import { ModerationService } from './moderation.service';
import { SupportBroadcaster } from './support-broadcaster';
import { SupportsService } from './supports.service';

/** Board commands on /live: each validates through the CommandRunner and calls one use case. */
@Injectable()
export class BoardsGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly ideas: IdeasService,
    private readonly supports: SupportsService,
    private readonly comments: CommentsService,
    private readonly moderation: ModerationService,
    private readonly boards: BoardsService,
    /** Support counts are sent after the commit, coalesced per board. */
    private readonly broadcaster: SupportBroadcaster,
  ) {}

  private run<C extends CommandName>(s: LiveSocket, name: C, body: unknown, handler: CommandHandler<C>): Promise<Ack<CommandResult<C>>> {
    return this.commands.run(s, name, body, handler);
  }

  @OnCommand('idea.post') post(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.post', b, ({ tx, actor, payload }) => this.ideas.postIdea(tx, actor, payload));
  }

  @OnCommand('idea.edit') edit(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.edit', b, ({ tx, actor, payload }) => this.ideas.editIdea(tx, actor, payload));
  }

  @OnCommand('idea.withdraw') async withdraw(s: LiveSocket, b: unknown) {
    const ack = await this.run(s, 'idea.withdraw', b, ({ tx, actor, payload }) => this.ideas.withdrawIdea(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark(ack.data.activityId, [ack.data.id]);
    return ack;
  }

  @OnCommand('idea.similar') similar(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.similar', b, ({ tx, actor, payload }) => this.ideas.similarIdeas(tx, actor, payload));
  }

  @OnCommand('idea.support') async support(s: LiveSocket, b: unknown) {
    const ack = await this.run(s, 'idea.support', b, ({ tx, actor, payload }) => this.supports.support(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark((b as { activityId: string }).activityId, [ack.data.ideaId]);
    return ack;
  }

  @OnCommand('idea.unsupport') async unsupport(s: LiveSocket, b: unknown) {
    const ack = await this.run(s, 'idea.unsupport', b, ({ tx, actor, payload }) => this.supports.unsupport(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark((b as { activityId: string }).activityId, [ack.data.ideaId]);
    return ack;
  }

  @OnCommand('comment.post') commentPost(s: LiveSocket, b: unknown) {
    return this.run(s, 'comment.post', b, ({ tx, actor, payload }) => this.comments.postComment(tx, actor, payload));
  }

  @OnCommand('comment.edit') commentEdit(s: LiveSocket, b: unknown) {
    return this.run(s, 'comment.edit', b, ({ tx, actor, payload }) => this.comments.editComment(tx, actor, payload));
  }

  @OnCommand('comment.delete') commentDelete(s: LiveSocket, b: unknown) {
    return this.run(s, 'comment.delete', b, ({ tx, actor, payload }) => this.comments.deleteComment(tx, actor, payload));
  }

  @OnCommand('idea.approve') approve(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.approve', b, ({ tx, actor, payload }) => this.moderation.approve(tx, actor, payload));
  }

  @OnCommand('idea.reject') reject(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.reject', b, ({ tx, actor, payload }) => this.moderation.reject(tx, actor, payload));
  }

  @OnCommand('idea.hide') hide(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.hide', b, ({ tx, actor, payload }) => this.moderation.hide(tx, actor, payload));
  }

  @OnCommand('idea.restore') restore(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.restore', b, ({ tx, actor, payload }) => this.moderation.restore(tx, actor, payload));
  }

  @OnCommand('idea.pin') pin(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.pin', b, ({ tx, actor, payload }) => this.moderation.pin(tx, actor, payload));
  }

  @OnCommand('idea.correct') correct(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.correct', b, ({ tx, actor, payload }) => this.moderation.correct(tx, actor, payload));
  }

  @OnCommand('idea.tag') tag(s: LiveSocket, b: unknown) {
    return this.run(s, 'idea.tag', b, ({ tx, actor, payload }) => this.moderation.tag(tx, actor, payload));
  }

  @OnCommand('idea.merge') async merge(s: LiveSocket, b: unknown) {
    const ack = await this.run(s, 'idea.merge', b, ({ tx, actor, payload }) => this.moderation.merge(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark(ack.data.activityId, [ack.data.id, ...ack.data.mergedFrom.map((m) => m.id)]);
    return ack;
  }

  @OnCommand('participant.block') block(s: LiveSocket, b: unknown) {
    return this.run(s, 'participant.block', b, ({ tx, actor, payload }) => this.moderation.block(tx, actor, payload));
  }

  @OnCommand('board.open') open(s: LiveSocket, b: unknown) {
    return this.run(s, 'board.open', b, ({ tx, actor, payload }) => this.boards.open(tx, actor, payload));
  }

  @OnCommand('board.lock') lock(s: LiveSocket, b: unknown) {
    return this.run(s, 'board.lock', b, ({ tx, actor, payload }) => this.boards.lock(tx, actor, payload));
  }

  @OnCommand('board.settings') async settings(s: LiveSocket, b: unknown) {
    let revealed = false;
    const ack = await this.run(s, 'board.settings', b, async ({ tx, actor, payload }) => {
      const result = await this.boards.settings(tx, actor, payload);
      revealed = result.revealed;
      return result.view;
    });
    if (ack.ok && revealed) this.broadcaster.mark(ack.data.activityId, 'all');
    return ack;
  }
}
