/** The few Redis commands nodes use to coordinate beyond the adapter (results coalescing). */
export interface RedisCommands {
  set(key: string, value: string, px: 'PX', ms: number, nx?: 'NX'): Promise<'OK' | null>;
  pttl(key: string): Promise<number>;
}

/** What the health route reports about the optional Redis adapter and the database mode. */
export interface RedisState {
  configured: boolean;
  up: boolean;
  embeddedDatabase: boolean;
  /** The adapter's publishing connection, for small cross-node coordination; absent without Redis. */
  commands?: RedisCommands;
}
export const REDIS_STATE = Symbol('REDIS_STATE');
