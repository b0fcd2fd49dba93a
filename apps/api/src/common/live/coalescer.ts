/**
 * Coalesces bursts of changes into one delivery per key: the first `mark` of a key starts its
 * delay, later marks within it only merge their value, and `deliver` runs once with the merged
 * value when the delay ends. A mark during a delivery starts a new delay (nothing is lost).
 * Deliveries read the committed state again, so a late or repeated one is harmless.
 */
export interface CoalescerOptions<K, V> {
  /** How long changes of one key are gathered, in ms (a function: it may follow the audience). */
  delayMs: number | ((key: K) => number);
  /** Combines a pending value with a new one (default: keeps the newest). */
  merge?: (pending: V, next: V) => V;
  deliver: (key: K, value: V) => Promise<void> | void;
  /** A failed delivery is reported here and dropped: the next mark delivers fresh state. */
  onError?: (error: unknown, key: K) => void;
}

export class Coalescer<K, V = void> {
  private readonly pending = new Map<K, { value: V; timer: NodeJS.Timeout }>();
  private closed = false;

  constructor(private readonly options: CoalescerOptions<K, V>) {}

  /** Records a change of `key`; it is delivered, with any other change of the key, after the delay. */
  mark(key: K, ...args: V extends void ? [] : [value: V]): void {
    if (this.closed) return;
    const value = args[0] as V;
    const entry = this.pending.get(key);
    if (entry) {
      entry.value = this.options.merge ? this.options.merge(entry.value, value) : value;
      return;
    }
    const delay = typeof this.options.delayMs === 'function' ? this.options.delayMs(key) : this.options.delayMs;
    const timer = setTimeout(() => void this.deliver(key), delay);
    this.pending.set(key, { value, timer });
  }

  /** Keys waiting for their delivery. */
  get size(): number {
    return this.pending.size;
  }

  /** Drops every pending delivery (shutdown). */
  close(): void {
    this.closed = true;
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private async deliver(key: K): Promise<void> {
    const entry = this.pending.get(key);
    this.pending.delete(key);
    if (!entry) return;
    try {
      await this.options.deliver(key, entry.value);
    } catch (error) {
      this.options.onError?.(error, key);
    }
  }
}
