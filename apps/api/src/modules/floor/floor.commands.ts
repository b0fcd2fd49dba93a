import { Injectable } from '@nestjs/common';
import type { CommandPayload } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnBatchedCommand, OnCommand } from '../../common/commands/on-command';
import { FloorRequestBatcher } from './floor-request.batcher';
import { FloorService } from './floor.service';

/** Speakers' list commands on /live: asking for the floor, withdrawing, and the facilitators' controls. */
@Injectable()
export class FloorCommands {
  constructor(
    private readonly floor: FloorService,
    private readonly requests: FloorRequestBatcher,
  ) {}

  @OnBatchedCommand('floor.request')
  request(actor: ParticipantActor, payload: CommandPayload<'floor.request'>) {
    // Checked at once, written in group commits (a burst of requests is ordered once per batch).
    return this.requests.request(actor, payload);
  }

  @OnCommand('floor.withdraw')
  withdraw({ tx, actor, payload }: CommandContext<'floor.withdraw'>) {
    return this.floor.withdraw(tx, actor, payload);
  }

  @OnCommand('floor.add')
  add({ tx, actor, payload }: CommandContext<'floor.add'>) {
    return this.floor.add(tx, actor, payload);
  }

  @OnCommand('floor.move')
  move({ tx, actor, payload }: CommandContext<'floor.move'>) {
    return this.floor.move(tx, actor, payload);
  }

  @OnCommand('floor.give')
  give({ tx, actor, payload }: CommandContext<'floor.give'>) {
    return this.floor.give(tx, actor, payload);
  }

  @OnCommand('floor.timer')
  timer({ tx, actor, payload }: CommandContext<'floor.timer'>) {
    return this.floor.timer(tx, actor, payload);
  }
}
