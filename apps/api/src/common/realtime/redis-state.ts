/** What the health route reports about the optional Redis adapter and the database mode. */
export interface RedisState {
  configured: boolean;
  up: boolean;
  embeddedDatabase: boolean;
}
export const REDIS_STATE = Symbol('REDIS_STATE');
