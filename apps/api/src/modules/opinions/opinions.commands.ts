import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { OpinionsService } from './opinions.service';

/** Opinion-map commands on /live: statements, promotion from a board, moderation, answers. */
@Injectable()
export class OpinionsCommands {
  constructor(private readonly opinions: OpinionsService) {}

  @OnCommand('opinions.propose')
  propose({ tx, actor, payload }: CommandContext<'opinions.propose'>) {
    return this.opinions.propose(tx, actor, payload);
  }

  @OnCommand('opinions.promote')
  promote({ tx, actor, payload }: CommandContext<'opinions.promote'>) {
    return this.opinions.promote(tx, actor, payload);
  }

  @OnCommand('opinions.moderate')
  moderate({ tx, actor, payload }: CommandContext<'opinions.moderate'>) {
    return this.opinions.moderate(tx, actor, payload);
  }

  @OnCommand('opinions.answer')
  answer({ tx, actor, payload }: CommandContext<'opinions.answer'>) {
    return this.opinions.answer(tx, actor, payload);
  }
}
