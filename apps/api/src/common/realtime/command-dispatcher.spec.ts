import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Ack, BallotReceipt } from '@palabre/contracts';
import { APP_CONFIG } from '../../config/config';
import { CommandDispatcher } from './command-dispatcher';
import type { LiveSocket } from './live-socket';
import { OnCommand } from './on-command';
import { FloodCoolOffs } from './rate-limit';

const refused: Ack<BallotReceipt> = { ok: false, error: { code: 'INTERNAL', message: 'x' } };

@Injectable()
class FirstBallots {
  @OnCommand('ballot.cast')
  async cast(_s: LiveSocket, _body: unknown): Promise<Ack<BallotReceipt>> {
    return refused;
  }
}

@Injectable()
class SecondBallots {
  @OnCommand('ballot.cast')
  async vote(_s: LiveSocket, _body: unknown): Promise<Ack<BallotReceipt>> {
    return refused;
  }
}

async function dispatcherWith(...providers: (new () => object)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [CommandDispatcher, FloodCoolOffs, { provide: APP_CONFIG, useValue: { floodRefusals: 100, floodCoolOffSeconds: 10 } }, ...providers],
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
});
