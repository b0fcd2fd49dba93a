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
});
