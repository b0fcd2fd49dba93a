import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack, CommandName, CommandResult } from '@palabre/contracts';
import { CommandRunner, type CommandHandler } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { BoardsService } from './boards.service';
import { CommentsService } from './comments.service';
import { IdeasService } from './ideas.service';
import { ModerationService } from './moderation.service';
import { SupportBroadcaster } from './support-broadcaster';
import { SupportsService } from './supports.service';

/** Board commands on /live: each validates through the CommandRunner and calls one use case. */
@WebSocketGateway({ namespace: '/live' })
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

  @SubscribeMessage('idea.post') post(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.post', b, ({ tx, actor, payload }) => this.ideas.postIdea(tx, actor, payload));
  }

  @SubscribeMessage('idea.edit') edit(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.edit', b, ({ tx, actor, payload }) => this.ideas.editIdea(tx, actor, payload));
  }

  @SubscribeMessage('idea.withdraw') async withdraw(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    const ack = await this.run(s, 'idea.withdraw', b, ({ tx, actor, payload }) => this.ideas.withdrawIdea(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark(ack.data.activityId, [ack.data.id]);
    return ack;
  }

  @SubscribeMessage('idea.similar') similar(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.similar', b, ({ tx, actor, payload }) => this.ideas.similarIdeas(tx, actor, payload));
  }

  @SubscribeMessage('idea.support') async support(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    const ack = await this.run(s, 'idea.support', b, ({ tx, actor, payload }) => this.supports.support(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark((b as { activityId: string }).activityId, [ack.data.ideaId]);
    return ack;
  }

  @SubscribeMessage('idea.unsupport') async unsupport(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    const ack = await this.run(s, 'idea.unsupport', b, ({ tx, actor, payload }) => this.supports.unsupport(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark((b as { activityId: string }).activityId, [ack.data.ideaId]);
    return ack;
  }

  @SubscribeMessage('comment.post') commentPost(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'comment.post', b, ({ tx, actor, payload }) => this.comments.postComment(tx, actor, payload));
  }

  @SubscribeMessage('comment.edit') commentEdit(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'comment.edit', b, ({ tx, actor, payload }) => this.comments.editComment(tx, actor, payload));
  }

  @SubscribeMessage('comment.delete') commentDelete(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'comment.delete', b, ({ tx, actor, payload }) => this.comments.deleteComment(tx, actor, payload));
  }

  @SubscribeMessage('idea.approve') approve(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.approve', b, ({ tx, actor, payload }) => this.moderation.approve(tx, actor, payload));
  }

  @SubscribeMessage('idea.reject') reject(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.reject', b, ({ tx, actor, payload }) => this.moderation.reject(tx, actor, payload));
  }

  @SubscribeMessage('idea.hide') hide(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.hide', b, ({ tx, actor, payload }) => this.moderation.hide(tx, actor, payload));
  }

  @SubscribeMessage('idea.restore') restore(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.restore', b, ({ tx, actor, payload }) => this.moderation.restore(tx, actor, payload));
  }

  @SubscribeMessage('idea.pin') pin(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.pin', b, ({ tx, actor, payload }) => this.moderation.pin(tx, actor, payload));
  }

  @SubscribeMessage('idea.correct') correct(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.correct', b, ({ tx, actor, payload }) => this.moderation.correct(tx, actor, payload));
  }

  @SubscribeMessage('idea.tag') tag(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'idea.tag', b, ({ tx, actor, payload }) => this.moderation.tag(tx, actor, payload));
  }

  @SubscribeMessage('idea.merge') async merge(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    const ack = await this.run(s, 'idea.merge', b, ({ tx, actor, payload }) => this.moderation.merge(tx, actor, payload));
    if (ack.ok) this.broadcaster.mark(ack.data.activityId, [ack.data.id, ...ack.data.mergedFrom.map((m) => m.id)]);
    return ack;
  }

  @SubscribeMessage('participant.block') block(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'participant.block', b, ({ tx, actor, payload }) => this.moderation.block(tx, actor, payload));
  }

  @SubscribeMessage('board.open') open(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'board.open', b, ({ tx, actor, payload }) => this.boards.open(tx, actor, payload));
  }

  @SubscribeMessage('board.lock') lock(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
    return this.run(s, 'board.lock', b, ({ tx, actor, payload }) => this.boards.lock(tx, actor, payload));
  }

  @SubscribeMessage('board.settings') async settings(@ConnectedSocket() s: LiveSocket, @MessageBody() b: unknown) {
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
