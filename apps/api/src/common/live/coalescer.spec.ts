import { Coalescer } from './coalescer';

describe('Coalescer: one delivery per key for a burst of changes', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('delivers a burst of marks once, after the delay, with the merged value', async () => {
    const delivered: [string, Set<string>][] = [];
    const coalescer = new Coalescer<string, Set<string>>({ delayMs: 100, merge: (a, b) => new Set([...a, ...b]), deliver: (key, ids) => void delivered.push([key, ids]) });
    coalescer.mark('board-1', new Set(['a']));
    coalescer.mark('board-1', new Set(['b']));
    coalescer.mark('board-2', new Set(['c']));
    await jest.advanceTimersByTimeAsync(99);
    expect(delivered).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(delivered).toEqual([
      ['board-1', new Set(['a', 'b'])],
      ['board-2', new Set(['c'])],
    ]);
    expect(coalescer.size).toBe(0);
  });

  it('starts a new delay for a change marked after the delivery began', async () => {
    const delivered: string[] = [];
    const coalescer = new Coalescer<string>({ delayMs: (key) => (key === 'slow' ? 500 : 50), deliver: (key) => void delivered.push(key) });
    coalescer.mark('q1');
    coalescer.mark('slow');
    await jest.advanceTimersByTimeAsync(50);
    coalescer.mark('q1');
    await jest.advanceTimersByTimeAsync(50);
    expect(delivered).toEqual(['q1', 'q1']);
    await jest.advanceTimersByTimeAsync(400);
    expect(delivered).toEqual(['q1', 'q1', 'slow']);
  });

  it('reports a failed delivery and keeps delivering the next changes', async () => {
    const errors: string[] = [];
    let fail = true;
    const delivered: string[] = [];
    const coalescer = new Coalescer<string>({
      delayMs: 10,
      deliver: (key) => {
        if (fail) throw new Error('database away');
        delivered.push(key);
      },
      onError: (error, key) => errors.push(`${key}: ${(error as Error).message}`),
    });
    coalescer.mark('q1');
    await jest.advanceTimersByTimeAsync(10);
    fail = false;
    coalescer.mark('q1');
    await jest.advanceTimersByTimeAsync(10);
    expect(errors).toEqual(['q1: database away']);
    expect(delivered).toEqual(['q1']);
  });

  it('delivers nothing after close, and holds no timer', async () => {
    const delivered: string[] = [];
    const coalescer = new Coalescer<string>({ delayMs: 10, deliver: (key) => void delivered.push(key) });
    coalescer.mark('q1');
    coalescer.close();
    coalescer.mark('q2');
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(delivered).toEqual([]);
  });

  it('never runs two deliveries of one key at once: a change marked during one waits for it, then its delay', async () => {
    const log: string[] = [];
    let finish: () => void = () => undefined;
    const coalescer = new Coalescer<string, number>({
      delayMs: 10,
      merge: (a, b) => a + b,
      deliver: async (key, n) => {
        log.push(`start ${key} ${n}`);
        await new Promise<void>((resolve) => (finish = resolve));
        log.push(`end ${key} ${n}`);
      },
    });
    coalescer.mark('q1', 1);
    await jest.advanceTimersByTimeAsync(10);
    coalescer.mark('q1', 2);
    coalescer.mark('q1', 3);
    await jest.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['start q1 1']);
    expect(coalescer.inFlight).toBe(1);
    finish();
    await jest.advanceTimersByTimeAsync(9);
    expect(log).toEqual(['start q1 1', 'end q1 1']);
    await jest.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['start q1 1', 'end q1 1', 'start q1 5']);
    finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(coalescer.size + coalescer.inFlight).toBe(0);
  });

  it('runs a delivery again after the delay it asks for, with the changes marked meanwhile', async () => {
    const delivered: [number, string[]][] = [];
    let busyFor = 300;
    const coalescer = new Coalescer<string, string[]>({
      delayMs: 0,
      merge: (a, b) => [...a, ...b],
      deliver: (_key, ids) => {
        delivered.push([Date.now(), ids]);
        const wait = busyFor;
        busyFor = 0;
        return wait;
      },
    });
    const t0 = Date.now();
    coalescer.mark('q1', ['a']);
    await jest.advanceTimersByTimeAsync(0);
    coalescer.mark('q1', ['b']);
    await jest.advanceTimersByTimeAsync(299);
    expect(delivered.map(([, ids]) => ids)).toEqual([['a']]);
    await jest.advanceTimersByTimeAsync(1);
    expect(delivered).toEqual([
      [t0, ['a']],
      [t0 + 300, ['a', 'b']],
    ]);
  });

  it('throttles when the delay counts from the last delivery: an idle key goes at once, a busy one once per interval', async () => {
    const sentAt: number[] = [];
    let last = -Infinity;
    const coalescer = new Coalescer<string>({
      delayMs: () => Math.max(0, last + 100 - Date.now()),
      deliver: () => {
        last = Date.now();
        sentAt.push(last);
      },
    });
    const t0 = Date.now();
    coalescer.mark('q1');
    await jest.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) {
      coalescer.mark('q1');
      await jest.advanceTimersByTimeAsync(30);
    }
    await jest.advanceTimersByTimeAsync(100);
    expect(sentAt).toEqual([t0, t0 + 100, t0 + 200]);
  });
});
