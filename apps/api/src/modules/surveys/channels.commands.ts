import { Injectable } from '@nestjs/common';
import type { CommandPayload } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnBatchedCommand, OnCommand } from '../../common/commands/on-command';
import { BallotBatcher } from './ballot-batcher';
import { PaperService } from './paper.service';
import { ProxiesService } from './proxies.service';
import { RollCallService } from './rollcall.service';

/** Proxies, paper and assisted ballots on /live (docs/proxies.md). Ballots of every channel go through BallotBatcher / castMany. */
@Injectable()
export class ChannelsCommands {
  constructor(
    private readonly proxies: ProxiesService,
    private readonly paper: PaperService,
    private readonly batcher: BallotBatcher,
    private readonly rollCall: RollCallService,
  ) {}

  @OnCommand('proxy.settings')
  settings({ tx, actor, payload }: CommandContext<'proxy.settings'>) {
    return this.proxies.settings(tx, actor, payload);
  }

  @OnCommand('proxy.record')
  record({ tx, actor, payload }: CommandContext<'proxy.record'>) {
    return this.proxies.record(tx, actor, payload);
  }

  @OnCommand('proxy.request')
  request({ tx, actor, payload }: CommandContext<'proxy.request'>) {
    return this.proxies.request(tx, actor, payload);
  }

  @OnCommand('proxy.decide')
  decide({ tx, actor, payload }: CommandContext<'proxy.decide'>) {
    return this.proxies.decide(tx, actor, payload);
  }

  @OnCommand('proxy.revoke')
  revoke({ tx, actor, payload }: CommandContext<'proxy.revoke'>) {
    return this.proxies.revoke(tx, actor, payload);
  }

  @OnBatchedCommand('ballot.assist')
  assist(actor: ParticipantActor, payload: CommandPayload<'ballot.assist'>) {
    // The member's ballot, cast by the facilitator: same batch, same checks, channel `assisted`.
    return this.batcher.cast(actor, { opId: payload.opId, questionId: payload.questionId, value: payload.value, ballotSecret: payload.ballotSecret }, { memberId: payload.memberId });
  }

  @OnCommand('paper.enter')
  enter({ tx, actor, payload }: CommandContext<'paper.enter'>) {
    return this.paper.enter(tx, actor, payload);
  }

  @OnCommand('paper.confirm')
  confirm({ tx, actor, payload }: CommandContext<'paper.confirm'>) {
    return this.paper.confirm(tx, actor, payload);
  }

  @OnCommand('rollcall.start')
  startRollCall({ tx, actor, payload }: CommandContext<'rollcall.start'>) {
    return this.rollCall.start(tx, actor, payload);
  }

  @OnBatchedCommand('rollcall.answer')
  answerRollCall(actor: ParticipantActor, payload: CommandPayload<'rollcall.answer'>) {
    // The called member's answer: an assisted ballot, same batch and checks as every ballot.
    return this.batcher.cast(actor, { opId: payload.opId, questionId: payload.questionId, value: payload.value }, { memberId: payload.memberId, rollCall: true });
  }

  @OnCommand('rollcall.pass')
  passRollCall({ tx, actor, payload }: CommandContext<'rollcall.pass'>) {
    return this.rollCall.pass(tx, actor, payload);
  }
}
