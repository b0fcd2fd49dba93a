import { describe, expect, it, vi } from 'vitest';
import { CommandQueue, type CommandTransport } from './command-queue';
import type { CommandStore, StoredCommand } from './command-store';
import { ApiError } from './errors';

/** A minimal emitter standing in for the socket: records sends, answers when told to. */
class FakeTransport implements CommandTransport {
  connected = false;
  readonly sent: { name: string; payload: Record<string, unknown>; answer: (ack: unknown) => void; drop: () => void }[] = [];

  send(name: string, payload: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.sent.push({ name, payload, answer: resolve, drop: () => reject(new Error('socket has been disconnected')) });
    });
  }
}

const ids = () => {
  let n = 0;
  return () => `op-${++n}`;
};

describe('CommandQueue', () => {
  it('queues a command while offline and sends it once, with the same opId, on reconnect', async () => {
    const transport = new FakeTransport();
    const queue = new CommandQueue(transport, { newOpId: ids() });

    const result = queue.send('activity.create', { kind: 'survey', title: 'Priorités' });
    expect(transport.sent).toHaveLength(0);
    expect(queue.pending).toBe(1);

    transport.connected = true;
    queue.flush();
    queue.flush(); // a second reconnect signal must not send it again
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0].name).toBe('activity.create');
    expect(transport.sent[0].payload).toEqual({ kind: 'survey', title: 'Priorités', opId: 'op-1' });

    transport.sent[0].answer({ ok: true, data: { id: 'a1' } });
    await expect(result).resolves.toEqual({ id: 'a1' });
    expect(queue.pending).toBe(0);
  });

  it('re-sends a command cut off by a disconnect with its original opId', async () => {
    const transport = new FakeTransport();
    transport.connected = true;
    const queue = new CommandQueue(transport, { newOpId: ids() });

    const result = queue.send('session.transition', { to: 'live' });
    expect(transport.sent).toHaveLength(1);

    transport.connected = false;
    transport.sent[0].drop();
    await Promise.resolve();
    expect(queue.pending).toBe(1);

    transport.connected = true;
    queue.flush();
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1].payload.opId).toBe(transport.sent[0].payload.opId);

    transport.sent[1].answer({ ok: true, data: { state: 'live' } });
    await expect(result).resolves.toEqual({ state: 'live' });
  });

  it('keeps the order of queued commands', () => {
    const transport = new FakeTransport();
    const queue = new CommandQueue(transport, { newOpId: ids() });
    void queue.send('first', {});
    void queue.send('second', {});
    transport.connected = true;
    queue.flush();
    expect(transport.sent.map((s) => [s.name, s.payload.opId])).toEqual([
      ['first', 'op-1'],
      ['second', 'op-2'],
    ]);
  });

  it('rejects with the server code and message when the ack refuses', async () => {
    const transport = new FakeTransport();
    transport.connected = true;
    const queue = new CommandQueue(transport, { newOpId: ids() });
    const result = queue.send('session.transition', { to: 'closed' });
    transport.sent[0].answer({ ok: false, error: { code: 'INVALID_TRANSITION', message: "Cette action n'est pas possible dans l'état actuel." } });
    await expect(result).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: "Cette action n'est pas possible dans l'état actuel." });
    expect(queue.pending).toBe(0);
  });

  it('gives every waiting caller the error when access is lost', async () => {
    const transport = new FakeTransport();
    const queue = new CommandQueue(transport, { newOpId: ids() });
    const result = queue.send('activity.delete', { activityId: 'x' });
    queue.rejectAll(new ApiError('TOKEN_REVOKED', 'retiré', 401));
    await expect(result).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    transport.connected = true;
    queue.flush();
    expect(transport.sent).toHaveLength(0);
  });
  it('tells its subscribers how many commands wait, for the offline banner', async () => {
    const transport = new FakeTransport();
    const queue = new CommandQueue(transport, { newOpId: ids() });
    const seen: number[] = [];
    queue.subscribe(() => seen.push(queue.pending));
    const result = queue.send('ballot.cast', { questionId: 'q1', value: { type: 'text', text: 'Solidarité' } });
    expect(seen.at(-1)).toBe(1);
    transport.connected = true;
    queue.flush();
    transport.sent[0].answer({ ok: true, data: { questionId: 'q1' } });
    await result;
    expect(seen.at(-1)).toBe(0);
  });

  it('sends a retryable refusal again with the same opId and resolves once', async () => {
    vi.useFakeTimers();
    try {
      const transport = new FakeTransport();
      transport.connected = true;
      const queue = new CommandQueue(transport, { newOpId: ids(), retryDelayMs: 100 });
      const resolved = vi.fn();
      void queue.send('ballot.cast', { questionId: 'q1', value: { type: 'yesno', choice: 'yes' } }).then(resolved);
      transport.sent[0].answer({ ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: 'indisponible' } });
      await vi.advanceTimersByTimeAsync(100);
      expect(transport.sent).toHaveLength(2);
      expect(transport.sent[1].payload.opId).toBe('op-1');
      transport.sent[1].answer({ ok: true, data: { questionId: 'q1' } });
      await vi.advanceTimersByTimeAsync(0);
      expect(resolved).toHaveBeenCalledTimes(1);
      expect(queue.pending).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a command waiting to be retried as pending, and sends nothing more once closed', async () => {
    vi.useFakeTimers();
    try {
      const transport = new FakeTransport();
      transport.connected = true;
      const queue = new CommandQueue(transport, { newOpId: ids(), retryDelayMs: 100 });
      void queue.send('ballot.cast', { questionId: 'q1', value: { type: 'yesno', choice: 'yes' } });
      transport.sent[0].answer({ ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: 'indisponible' } });
      await vi.advanceTimersByTimeAsync(0);
      expect(queue.pending).toBe(1);
      queue.close();
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      expect(transport.sent).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries a send lost while connected (timeout) with the same opId, then gives up with TIMEOUT', async () => {
    const transport = new FakeTransport();
    transport.connected = true;
    const queue = new CommandQueue(transport, { newOpId: ids(), maxAttempts: 2 });
    const result = queue.send('qna.ask', { activityId: 'a1', text: 'Et les transports ?' });
    transport.sent[0].drop();
    await Promise.resolve();
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1].payload.opId).toBe('op-1');
    transport.sent[1].drop();
    await expect(result).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(queue.pending).toBe(0);
  });

  it('tells the interface when a vote kept from an earlier visit is refused once sent, and forgets it when dismissed', async () => {
    const kept: StoredCommand[] = [{ opId: 'old-1', owner: 'me', name: 'ballot.cast', payload: { questionId: 'q1', value: { optionId: 'o1' }, opId: 'old-1' }, storedAt: 1 }];
    const store: CommandStore = {
      load: async (owner) => kept.filter((c) => c.owner === owner),
      put: async (c) => void kept.push(c),
      remove: async (opId) => void kept.splice(kept.findIndex((c) => c.opId === opId), 1),
    };
    const transport = new FakeTransport();
    const queue = new CommandQueue(transport, { store, owner: 'me', durable: (name) => name === 'ballot.cast', newOpId: ids() });
    await queue.restored;
    expect(queue.pending).toBe(1);

    // A vote the member is waiting for now, refused too: its caller hears it, the banner does not.
    transport.connected = true;
    queue.flush();
    const awaited = queue.send('ballot.cast', { questionId: 'q2', value: { optionId: 'o2' } });
    expect(transport.sent.map((s) => s.payload.opId)).toEqual(['old-1', 'op-1']);
    transport.sent[0].answer({ ok: false, error: { code: 'VOTING_CLOSED', message: 'Le vote est clos.' } });
    transport.sent[1].answer({ ok: false, error: { code: 'VOTING_CLOSED', message: 'Le vote est clos.' } });
    await expect(awaited).rejects.toMatchObject({ code: 'VOTING_CLOSED' });

    expect(queue.refused).toHaveLength(1);
    expect(queue.refused[0]).toMatchObject({ name: 'ballot.cast', payload: { questionId: 'q1', opId: 'old-1' }, error: { code: 'VOTING_CLOSED', message: 'Le vote est clos.' } });
    expect(queue.pending).toBe(0);
    await Promise.resolve();
    expect(kept).toEqual([]); // settled: a later visit does not send it again

    queue.dismissRefused();
    expect(queue.refused).toEqual([]);
  });
});
