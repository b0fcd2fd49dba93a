import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { QnaService, type ModerationCommand } from './qna.service';

/** Q&A commands on /live: asking, upvoting, moderating, settings. */
@Injectable()
export class QnaCommands {
  constructor(private readonly qna: QnaService) {}

  @OnCommand('qna.ask')
  ask({ tx, actor, payload }: CommandContext<'qna.ask'>) {
    return this.qna.ask(tx, actor, payload);
  }

  @OnCommand('qna.upvote')
  upvote({ tx, actor, payload }: CommandContext<'qna.upvote'>) {
    return this.qna.upvote(tx, actor, payload);
  }

  @OnCommand('qna.unvote')
  unvote({ tx, actor, payload }: CommandContext<'qna.unvote'>) {
    return this.qna.unvote(tx, actor, payload);
  }

  @OnCommand('qna.approve')
  approve(ctx: CommandContext<'qna.approve'>) {
    return this.moderate(ctx, 'qna.approve');
  }

  @OnCommand('qna.reject')
  reject(ctx: CommandContext<'qna.reject'>) {
    return this.moderate(ctx, 'qna.reject');
  }

  @OnCommand('qna.hide')
  hide(ctx: CommandContext<'qna.hide'>) {
    return this.moderate(ctx, 'qna.hide');
  }

  @OnCommand('qna.restore')
  restore(ctx: CommandContext<'qna.restore'>) {
    return this.moderate(ctx, 'qna.restore');
  }

  @OnCommand('qna.markAnswering')
  markAnswering(ctx: CommandContext<'qna.markAnswering'>) {
    return this.moderate(ctx, 'qna.markAnswering');
  }

  @OnCommand('qna.markAnswered')
  markAnswered(ctx: CommandContext<'qna.markAnswered'>) {
    return this.moderate(ctx, 'qna.markAnswered');
  }

  @OnCommand('qna.configure')
  configure({ tx, actor, payload }: CommandContext<'qna.configure'>) {
    return this.qna.configure(tx, actor, payload);
  }

  @OnCommand('qna.merge')
  merge({ tx, actor, payload }: CommandContext<'qna.merge'>) {
    return this.qna.merge(tx, actor, payload);
  }

  private moderate({ tx, actor, payload }: CommandContext<ModerationCommand>, name: ModerationCommand) {
    return this.qna.moderate(tx, actor, name, payload);
  }
}
