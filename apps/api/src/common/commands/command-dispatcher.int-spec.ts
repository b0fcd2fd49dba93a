import { randomUUID } from 'node:crypto';
import { COMMAND_NAMES } from '@palabre/contracts';
import { captureOutput } from '../testing/log-capture';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';
import { CommandDispatcher } from './command-dispatcher';
import { CommandRunner } from './command-runner';
import { RealtimeEmitter } from '../live/emitter';

type Raw = { emitWithAck(event: string, ...args: unknown[]): Promise<unknown>; emit(event: string, ...args: unknown[]): void };
const raw = (socket: TestSocket) => socket.timeout(5000) as unknown as Raw;

describe('the /live command dispatcher (real app, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('has exactly one handler for every command of the contracts, and none for anything else', () => {
    const table = t.palabre.app.get(CommandDispatcher).table();
    expect([...table.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(table.get('ballot.cast')).toBe('SurveysCommands.cast');
    expect(table.get('idea.post')).toBe('BoardsCommands.post');
  });

  it('answers a command with its handler result as the ack', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const ack = await send(socket, 'activity.create', { kind: 'qna', title: 'Questions au maire' });
    expect(ack).toMatchObject({ ok: true, data: { kind: 'qna', title: 'Questions au maire' } });
  });

  it('answers an unknown event with NOT_FOUND in French, even one named like an Object method', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: "Cet élément n'existe pas." } };
    expect(await raw(socket).emitWithAck('vote.everything', {})).toEqual(notFound);
    expect(await raw(socket).emitWithAck('toString', {})).toEqual(notFound);
    expect(await raw(socket).emitWithAck('ping')).toEqual(notFound);
  });

  it('refuses a bad payload with VALIDATION_FAILED in French, and the socket keeps working', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const bad = await raw(socket).emitWithAck('activity.create', { opId: randomUUID(), kind: 'poll', title: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Les données envoyées ne sont pas valides.' } });
    expect(await raw(socket).emitWithAck('activity.create', 'pas un objet')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await sendOk(socket, 'activity.create', { kind: 'qna', title: 'Après la faute' })).toMatchObject({ title: 'Après la faute' });
  });

  it('answers INTERNAL in French when a handler throws, logs it, and keeps serving', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const runner = t.palabre.app.get(CommandRunner);
    const output = captureOutput({ echo: false });
    const spy = jest
      .spyOn(runner, 'execute')
      .mockImplementationOnce(() => {
        throw new Error('panne synchrone du gestionnaire');
      })
      .mockImplementationOnce(() => Promise.reject(new Error('panne asynchrone du gestionnaire')));
    try {
      const internal = { ok: false, error: { code: 'INTERNAL', message: 'Une erreur inattendue est survenue.' } };
      expect(await send(socket, 'activity.create', { kind: 'qna', title: 'Jamais créée' })).toEqual(internal);
      expect(await send(socket, 'activity.create', { kind: 'qna', title: 'Jamais créée non plus' })).toEqual(internal);
    } finally {
      spy.mockRestore();
      output.restore();
    }
    expect(output.text()).toContain('panne synchrone du gestionnaire');
    expect(output.text()).toContain('panne asynchrone du gestionnaire');
    expect(await sendOk(socket, 'activity.create', { kind: 'qna', title: 'Le serveur tient' })).toMatchObject({ title: 'Le serveur tient' });
  });

  it('runs a command sent without an ack function, and ignores an unknown one sent that way', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const created = nextEvent(socket, 'activity.created', (p) => p.activity.title === 'Sans accusé');
    (socket as unknown as Raw).emit('vote.everything', {});
    (socket as unknown as Raw).emit('activity.create', { opId: randomUUID(), kind: 'qna', title: 'Sans accusé' });
    expect((await created).activity.title).toBe('Sans accusé');
    expect(await sendOk(socket, 'activity.create', { kind: 'qna', title: 'Toujours là' })).toMatchObject({ title: 'Toujours là' });
  });

  it('keeps one message listener per socket on the server, whatever the number of commands', async () => {
    const { facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const server = t.palabre.app.get(RealtimeEmitter).server?.sockets.get(socket.id ?? '');
    expect(server).toBeDefined();
    expect(server?.listenersAny()).toHaveLength(1);
    // Only socket.io's and Nest's connection bookkeeping, no listener per command.
    expect(server?.eventNames().filter((e) => COMMAND_NAMES.includes(e as never))).toEqual([]);
  });
});
