import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { BallotReceipt } from '@palabre/contracts';
import { APP_CONFIG } from '../../config/config';
import type { ParticipantActor } from '../auth/actor';
import { CommandDispatcher } from './command-dispatcher';
import { CommandRunner } from './command-runner';
import type { LiveSocket } from '../live/live-socket';
import { OnBatchedCommand } from './on-command';
import { FloodCoolOffs } from './rate-limit';
import { Clock } from '../time/clock';

const seen: unknown[] = [];

@Injectable()
class FirstBallots {
  /** Returns nothing: the dispatcher still acks. */
  @OnBatchedCommand('ballot.cast')
  async cast(_actor: ParticipantActor, payload: unknown): Promise<BallotReceipt> {
    seen.push(payload);
    return undefined as unknown as BallotReceipt;
  }
}

@Injectable()
class SecondBallots {
  @OnBatchedCommand('ballot.cast')
  async vote(): Promise<BallotReceipt> {
    return undefined as unknown as BallotReceipt;
  }
}

async function dispatcherWith(...providers: (new () => object)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [
      CommandDispatcher,
      FloodCoolOffs,
      Clock,
      // Batched handlers run without a transaction: the runner's role and schema checks need no database.
      { provide: CommandRunner, useValue: new CommandRunner(null as never) },
      { provide: APP_CONFIG, useValue: { floodRefusals: 100, floodCoolOffSeconds: 10 } },
      ...providers,
    ],
  }).compile();
  await module.init();
  return module.get(CommandDispatcher);
}

describe('CommandDispatcher table', () => {
  it('maps each @OnCommand method to its command', async () => {
    const dispatcher = await dispatcherWith(FirstBallots);
    expect([...dispatcher.table()]).toEqual([['ballot.cast', 'FirstBallots.cast']]);
  });

  it('refuses to start when two handlers claim one command, naming both', async () => {
    await expect(dispatcherWith(FirstBallots, SecondBallots)).rejects.toThrow('Command "ballot.cast" has two handlers: FirstBallots.cast and SecondBallots.vote');
  });

  it('runs role and schema checks before the handler, and acks a handler that returns nothing', async () => {
    const dispatcher = await dispatcherWith(FirstBallots);
    const acks: unknown[] = [];
    const socket = {
      data: { actor: { role: 'member', participantId: 'p', sessionId: 's' }, bucket: { take: () => true } },
      handshake: { headers: {} },
      onAny(listener: (event: string, ...args: unknown[]) => void) {
        this.listener = listener;
      },
      listener: undefined as undefined | ((event: string, ...args: unknown[]) => void),
    };
    dispatcher.attach(socket as unknown as LiveSocket);
    const emit = (body: unknown) =>
      new Promise((resolve) => socket.listener!.call(socket, 'ballot.cast', body, (answer: unknown) => resolve(acks.push(answer))));
    await emit({ opId: 'pas-un-uuid', questionId: randomUUID(), value: { type: 'yesno', choice: 'yes' } });
    const valid = { opId: randomUUID(), questionId: randomUUID(), value: { type: 'yesno', choice: 'yes' } };
    await emit(valid);
    socket.data.actor.role = 'observer';
    await emit(valid);
    expect(acks).toEqual([
      { ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) },
      { ok: true, data: undefined },
      { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) },
    ]);
    // The handler only ever saw the one valid payload, as parsed.
    expect(seen).toEqual([valid]);
  });
});
