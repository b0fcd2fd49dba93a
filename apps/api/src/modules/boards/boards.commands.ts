import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { BoardsService } from './boards.service';
import { CommentsService } from './comments.service';
import { IdeasService } from './ideas.service';
import { ModerationService } from './moderation.service';
import { SupportsService } from './supports.service';

/** Board commands on /live: the dispatcher validates each one, then it calls one use case. */
@Injectable()
export class BoardsCommands {
  constructor(
    private readonly ideas: IdeasService,
    private readonly supports: SupportsService,
    private readonly comments: CommentsService,
    private readonly moderation: ModerationService,
    private readonly boards: BoardsService,
  ) {}

  @OnCommand('idea.post') post({ tx, actor, payload }: CommandContext<'idea.post'>) {
    return this.ideas.postIdea(tx, actor, payload);
  }

  @OnCommand('idea.edit') edit({ tx, actor, payload }: CommandContext<'idea.edit'>) {
    return this.ideas.editIdea(tx, actor, payload);
  }

  @OnCommand('idea.withdraw') withdraw({ tx, actor, payload }: CommandContext<'idea.withdraw'>) {
    return this.ideas.withdrawIdea(tx, actor, payload);
  }

  @OnCommand('idea.similar') similar({ tx, actor, payload }: CommandContext<'idea.similar'>) {
    return this.ideas.similarIdeas(tx, actor, payload);
  }

  @OnCommand('idea.support') support({ tx, actor, payload }: CommandContext<'idea.support'>) {
    return this.supports.support(tx, actor, payload);
  }

  @OnCommand('idea.unsupport') unsupport({ tx, actor, payload }: CommandContext<'idea.unsupport'>) {
    return this.supports.unsupport(tx, actor, payload);
  }

  @OnCommand('comment.post') commentPost({ tx, actor, payload }: CommandContext<'comment.post'>) {
    return this.comments.postComment(tx, actor, payload);
  }

  @OnCommand('comment.edit') commentEdit({ tx, actor, payload }: CommandContext<'comment.edit'>) {
    return this.comments.editComment(tx, actor, payload);
  }

  @OnCommand('comment.delete') commentDelete({ tx, actor, payload }: CommandContext<'comment.delete'>) {
    return this.comments.deleteComment(tx, actor, payload);
  }

  @OnCommand('idea.approve') approve({ tx, actor, payload }: CommandContext<'idea.approve'>) {
    return this.moderation.approve(tx, actor, payload);
  }

  @OnCommand('idea.reject') reject({ tx, actor, payload }: CommandContext<'idea.reject'>) {
    return this.moderation.reject(tx, actor, payload);
  }

  @OnCommand('idea.hide') hide({ tx, actor, payload }: CommandContext<'idea.hide'>) {
    return this.moderation.hide(tx, actor, payload);
  }

  @OnCommand('idea.restore') restore({ tx, actor, payload }: CommandContext<'idea.restore'>) {
    return this.moderation.restore(tx, actor, payload);
  }

  @OnCommand('idea.pin') pin({ tx, actor, payload }: CommandContext<'idea.pin'>) {
    return this.moderation.pin(tx, actor, payload);
  }

  @OnCommand('idea.correct') correct({ tx, actor, payload }: CommandContext<'idea.correct'>) {
    return this.moderation.correct(tx, actor, payload);
  }

  @OnCommand('idea.tag') tag({ tx, actor, payload }: CommandContext<'idea.tag'>) {
    return this.moderation.tag(tx, actor, payload);
  }

  @OnCommand('idea.merge') merge({ tx, actor, payload }: CommandContext<'idea.merge'>) {
    return this.moderation.merge(tx, actor, payload);
  }

  @OnCommand('participant.block') block({ tx, actor, payload }: CommandContext<'participant.block'>) {
    return this.moderation.block(tx, actor, payload);
  }

  @OnCommand('board.open') open({ tx, actor, payload }: CommandContext<'board.open'>) {
    return this.boards.open(tx, actor, payload);
  }

  @OnCommand('board.lock') lock({ tx, actor, payload }: CommandContext<'board.lock'>) {
    return this.boards.lock(tx, actor, payload);
  }

  @OnCommand('board.settings') settings({ tx, actor, payload }: CommandContext<'board.settings'>) {
    return this.boards.settings(tx, actor, payload);
  }
}
