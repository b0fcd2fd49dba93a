import { Injectable } from '@nestjs/common';
import type { Ack, QnaVoteResult } from '@palabre/contracts';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { OnCommand } from '../../common/realtime/on-command';
import { QnaVotesBroadcaster } from './qna-votes.broadcaster';
import { QnaService, type ModerationCommand } from './qna.service';

@Injectable()
export class QnaGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly qna: QnaService,
    private readonly votes: QnaVotesBroadcaster,
  ) {}

  @OnCommand('qna.ask')
  ask(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'qna.ask', body, ({ tx, actor, payload }) => this.qna.ask(tx, actor, payload));
  }

  @OnCommand('qna.upvote')
  async upvote(s: LiveSocket, body: unknown) {
    return this.afterVote(await this.commands.run(s, 'qna.upvote', body, ({ tx, actor, payload }) => this.qna.upvote(tx, actor, payload)));
  }

  @OnCommand('qna.unvote')
  async unvote(s: LiveSocket, body: unknown) {
    return this.afterVote(await this.commands.run(s, 'qna.unvote', body, ({ tx, actor, payload }) => this.qna.unvote(tx, actor, payload)));
  }

  @OnCommand('qna.approve')
  approve(s: LiveSocket, body: unknown) {
    return this.moderate(s, 'qna.approve', body);
  }

  @OnCommand('qna.reject')
  reject(s: LiveSocket, body: unknown) {
    return this.moderate(s, 'qna.reject', body);
  }

  @OnCommand('qna.hide')
  hide(s: LiveSocket, body: unknown) {
    return this.moderate(s, 'qna.hide', body);
  }

  @OnCommand('qna.restore')
  restore(s: LiveSocket, body: unknown) {
    return this.moderate(s, 'qna.restore', body);
  }

  @OnCommand('qna.markAnswering')
  markAnswering(s: LiveSocket, body: unknown) {
    return this.moderate(s, 'qna.markAnswering', body);
  }

  @OnCommand('qna.markAnswered')
  markAnswered(s: LiveSocket, body: unknown) {
    return this.moderate(s, 'qna.markAnswered', body);
  }

  @OnCommand('qna.configure')
  configure(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'qna.configure', body, ({ tx, actor, payload }) => this.qna.configure(tx, actor, payload));
  }

  @OnCommand('qna.merge')
  async merge(s: LiveSocket, body: unknown) {
    const ack = await this.commands.run(s, 'qna.merge', body, ({ tx, actor, payload }) => this.qna.merge(tx, actor, payload));
    if (ack.ok) this.votes.mark(ack.data.into.id);
    return ack;
  }

  private moderate(s: LiveSocket, name: ModerationCommand, body: unknown) {
    return this.commands.run(s, name, body, ({ tx, actor, payload }) => this.qna.moderate(tx, actor, name, payload));
  }

  /** Counts go out after the commit, coalesced, read back from the database. */
  private afterVote(ack: Ack<QnaVoteResult>): Ack<QnaVoteResult> {
    if (ack.ok) this.votes.mark(ack.data.questionId);
    return ack;
  }
}
