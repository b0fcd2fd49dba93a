import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { CommandQueue, type CommandTransport } from './command-queue';
import { indexedDbCommandStore } from './command-store';

class FakeTransport implements CommandTransport {
  connected = false;
  readonly sent: { name: string; payload: Record<string, unknown>; answer: (ack: unknown) => void }[] = [];
  send(name: string, payload: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve) => this.sent.push({ name, payload, answer: resolve }));
  }
}

const durable = (name: string) => name === 'ballot.cast';

/** A page load: a fresh queue on the same browser storage. */
function visit(factory: IDBFactory, owner = 'token-a') {
  const transport = new FakeTransport();
  let n = 0;
  const queue = new CommandQueue(transport, { store: indexedDbCommandStore(factory), owner, durable, newOpId: () => `${owner}-op-${++n}-${Math.random()}` });
  return { transport, queue };
}

describe('the command queue kept in IndexedDB', () => {
  it('sends a vote tapped offline after a reload, once, with its first opId', async () => {
    const browser = new IDBFactory();
    const first = visit(browser);
    await first.queue.restored;
    void first.queue.send('ballot.cast', { questionId: 'q1', value: { type: 'yesno', choice: 'yes' } });
    const opId = first.queue.commands[0].payload.opId;
    // The page goes away before any network came back; a new page loads, still offline.
    const second = visit(browser);
    await expect.poll(async () => (await second.queue.restored, second.queue.pending)).toBe(1);
    expect(second.queue.commands[0]).toMatchObject({ name: 'ballot.cast', payload: { opId, questionId: 'q1' } });

    second.transport.connected = true;
    second.queue.flush();
    expect(second.transport.sent.map((s) => s.payload.opId)).toEqual([opId]);
    second.transport.sent[0].answer({ ok: true, data: {} });
    await expect.poll(() => second.queue.pending).toBe(0);

    // Acknowledged: a third visit has nothing left to send.
    const third = visit(browser);
    await third.queue.restored;
    expect(third.queue.pending).toBe(0);
  });

  it('keeps only the votes, and only for the token that cast them', async () => {
    const browser = new IDBFactory();
    const first = visit(browser);
    await first.queue.restored;
    void first.queue.send('qna.ask', { activityId: 'a', text: 'Quand ?' });
    void first.queue.send('ballot.cast', { questionId: 'q1', value: { type: 'text', text: 'Mobilité' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = visit(browser, 'token-b');
    await other.queue.restored;
    expect(other.queue.pending).toBe(0);
    const again = visit(browser);
    await again.queue.restored;
    expect(again.queue.commands.map((c) => c.name)).toEqual(['ballot.cast']);
  });

  it('forgets a vote the server refused for good', async () => {
    const browser = new IDBFactory();
    const first = visit(browser);
    await first.queue.restored;
    first.transport.connected = true;
    const sent = first.queue.send('ballot.cast', { questionId: 'q1', value: { type: 'scale', value: 9 } });
    first.transport.sent[0].answer({ ok: false, error: { code: 'BALLOT_SCALE_OUT_OF_RANGE', message: 'hors échelle' } });
    await expect(sent).rejects.toMatchObject({ code: 'BALLOT_SCALE_OUT_OF_RANGE' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = visit(browser);
    await second.queue.restored;
    expect(second.queue.pending).toBe(0);
  });
});
