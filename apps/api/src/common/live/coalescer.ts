/**
 * Coalesces bursts of changes into one delivery per key: the first `mark` of a key starts its
 * delay, later marks within it only merge their value, and `deliver` runs once with the merged
 * value when the delay ends. Deliveries of one key never overlap: a mark during a delivery waits
 * for it to end, then starts its delay (nothing is lost, and the order holds). A delivery may ask
 * to be run again later (it returns a number of ms: e.g. another node holds the slot), with any
 * change marked meanwhile. Deliveries read the committed state again, so a late or repeated one is
 * harmless.
 *
 * A debounce (a fixed delay) or a throttle (a delay from the key's last delivery, 0 when idle) is
 * the same object with a different `delayMs`.
 */
export interface CoalescerOptions<K, V> {
  /** How long changes of one key are gathered, in ms (a function: it may follow the audience or the last delivery). */
  delayMs: number | ((key: K) => number);
  /** Combines a pending value with a new one (default: keeps the newest). */
  merge?: (pending: V, next: V) => V;
  /** Sends the key's state. A number returned is a delay in ms after which the delivery runs again. */
  deliver: (key: K, value: V) => Promise<void | number> | void | number;
  /** A failed delivery is reported here and dropped: the next mark delivers fresh state. */
  onError?: (error: unknown, key: K) => void;
}

export class Coalescer<K, V = void> {
  /** Keys with a change to deliver; `timer` is unset while the key's delivery in flight ends. */
  private readonly pending = new Map<K, { value: V; timer?: NodeJS.Timeout }>();
  private readonly delivering = new Set<K>();
  private closed = false;

  constructor(private readonly options: CoalescerOptions<K, V>) {}

  /** Records a change of `key`; it is delivered, with any other change of the key, after the delay. */
  mark(key: K, ...args: V extends void ? [] : [value: V]): void {
    if (this.closed) return;
    const value = args[0] as V;
    const entry = this.pending.get(key);
    if (entry) {
      entry.value = this.merged(entry.value, value);
      return;
    }
    this.pending.set(key, { value, timer: this.delivering.has(key) ? undefined : this.arm(key, this.delayOf(key)) });
  }

  /** Keys waiting for their delivery (their delay running, or their previous delivery). */
  get size(): number {
    return this.pending.size;
  }

  /** Keys being delivered now. */
  get inFlight(): number {
    return this.delivering.size;
  }

  /** Drops every pending delivery (shutdown). */
  close(): void {
    this.closed = true;
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private delayOf(key: K): number {
    return typeof this.options.delayMs === 'function' ? this.options.delayMs(key) : this.options.delayMs;
  }

  private merged(pending: V, next: V): V {
    return this.options.merge ? this.options.merge(pending, next) : next;
  }

  private arm(key: K, delay: number): NodeJS.Timeout {
    return setTimeout(() => void this.deliver(key), delay);
  }

  private async deliver(key: K): Promise<void> {
    const entry = this.pending.get(key);
    this.pending.delete(key);
    if (!entry) return;
    this.delivering.add(key);
    let again = 0;
    try {
      const result = await this.options.deliver(key, entry.value);
      if (typeof result === 'number' && result > 0) again = result;
    } catch (error) {
      this.options.onError?.(error, key);
    } finally {
      this.delivering.delete(key);
    }
    if (this.closed) return;
    const later = this.pending.get(key);
    if (again > 0) {
      // Run again after the delay asked, with what was marked meanwhile.
      this.pending.set(key, { value: later ? this.merged(entry.value, later.value) : entry.value, timer: this.arm(key, again) });
    } else if (later && !later.timer) {
      later.timer = this.arm(key, this.delayOf(key));
    }
  }
}
