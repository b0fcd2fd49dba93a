import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack, QnaVoteResult } from '@palabre/contracts';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { QnaVotesBroadcaster } from './qna-votes.broadcaster';
import { QnaService, type ModerationCommand } from './qna.service';

@WebSocketGateway({ namespace: '/live' })
export class QnaGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly qna: QnaService,
    private readonly votes: QnaVotesBroadcaster,
  ) {}

  @SubscribeMessage('qna.ask')
  ask(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'qna.ask', body, ({ tx, actor, payload }) => this.qna.ask(tx, actor, payload));
  }

  @SubscribeMessage('qna.upvote')
  async upvote(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.afterVote(await this.commands.run(s, 'qna.upvote', body, ({ tx, actor, payload }) => this.qna.upvote(tx, actor, payload)));
  }

  @SubscribeMessage('qna.unvote')
  async unvote(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.afterVote(await this.commands.run(s, 'qna.unvote', body, ({ tx, actor, payload }) => this.qna.unvote(tx, actor, payload)));
  }

  @SubscribeMessage('qna.approve')
  approve(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.moderate(s, 'qna.approve', body);
  }

  @SubscribeMessage('qna.reject')
  reject(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.moderate(s, 'qna.reject', body);
  }

  @SubscribeMessage('qna.hide')
  hide(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.moderate(s, 'qna.hide', body);
  }

  @SubscribeMessage('qna.restore')
  restore(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.moderate(s, 'qna.restore', body);
  }

  @SubscribeMessage('qna.markAnswering')
  markAnswering(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.moderate(s, 'qna.markAnswering', body);
  }

  @SubscribeMessage('qna.markAnswered')
  markAnswered(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.moderate(s, 'qna.markAnswered', body);
  }

  @SubscribeMessage('qna.configure')
  configure(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'qna.configure', body, ({ tx, actor, payload }) => this.qna.configure(tx, actor, payload));
  }

  @SubscribeMessage('qna.merge')
  async merge(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    const ack = await this.commands.run(s, 'qna.merge', body, ({ tx, actor, payload }) => this.qna.merge(tx, actor, payload));
    if (ack.ok) this.votes.changed(ack.data.into.id);
    return ack;
  }

  private moderate(s: LiveSocket, name: ModerationCommand, body: unknown) {
    return this.commands.run(s, name, body, ({ tx, actor, payload }) => this.qna.moderate(tx, actor, name, payload));
  }

  /** Counts go out after the commit, coalesced, read back from the database. */
  private afterVote(ack: Ack<QnaVoteResult>): Ack<QnaVoteResult> {
    if (ack.ok) this.votes.changed(ack.data.questionId);
    return ack;
  }
}
