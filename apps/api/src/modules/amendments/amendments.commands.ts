import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { AmendmentVotesService } from './amendment-votes.service';
import { AmendmentsService } from './amendments.service';

/** Text and amendment commands on /live (votes themselves are `ballot.cast` on the companion survey). */
@Injectable()
export class AmendmentsCommands {
  constructor(
    private readonly amendments: AmendmentsService,
    private readonly votes: AmendmentVotesService,
  ) {}

  @OnCommand('amendments.text.set')
  setText({ tx, actor, payload }: CommandContext<'amendments.text.set'>) {
    return this.amendments.setText(tx, actor, payload);
  }

  @OnCommand('amendments.deadline')
  deadline({ tx, actor, payload }: CommandContext<'amendments.deadline'>) {
    return this.amendments.setDeadline(tx, actor, payload);
  }

  @OnCommand('amendment.file')
  file({ tx, actor, payload }: CommandContext<'amendment.file'>) {
    return this.amendments.file(tx, actor, payload);
  }

  @OnCommand('amendment.cosign')
  cosign({ tx, actor, payload }: CommandContext<'amendment.cosign'>) {
    return this.amendments.cosign(tx, actor, payload);
  }

  @OnCommand('amendment.withdraw')
  withdraw({ tx, actor, payload }: CommandContext<'amendment.withdraw'>) {
    return this.amendments.withdraw(tx, actor, payload);
  }

  @OnCommand('amendment.moderate')
  moderate({ tx, actor, payload }: CommandContext<'amendment.moderate'>) {
    return this.amendments.moderate(tx, actor, payload);
  }

  @OnCommand('amendment.move')
  move({ tx, actor, payload }: CommandContext<'amendment.move'>) {
    return this.amendments.move(tx, actor, payload);
  }

  @OnCommand('amendment.vote')
  vote({ tx, actor, payload }: CommandContext<'amendment.vote'>) {
    return this.votes.vote(tx, actor, payload);
  }

  @OnCommand('amendments.final')
  final({ tx, actor, payload }: CommandContext<'amendments.final'>) {
    return this.votes.final(tx, actor, payload);
  }
}
