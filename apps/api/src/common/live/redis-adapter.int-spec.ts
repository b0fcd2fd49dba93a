import { once } from 'node:events';
import { createRedisAdapter } from './redis-adapter';
import type { RedisState } from './redis-state';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// A node shutting down unsubscribes (socket.io's adapter close) and disconnects at once: the
// unsubscribe is then rejected with "Connection is closed", which must never surface as an
// unhandled rejection (it failed a whole CI run once, in the Redis fault test).
describe('the Redis adapter clients at shutdown', () => {
  it('leave no unhandled rejection when commands are cut off by the disconnect', async () => {
    const state: RedisState = { configured: true, up: false, embeddedDatabase: false };
    const { clients } = createRedisAdapter(REDIS_URL, state);
    const [pub, sub] = clients;
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      // Fire and forget, as the adapter does, while the clients are still (re)connecting — as after
      // a Redis restart — then disconnect: the offline queue is flushed with rejections.
      void sub.punsubscribe('palabre-test#*');
      void sub.unsubscribe('palabre-test-request#');
      void pub.publish('palabre-test#', 'bye');
      const ended = clients.map(async (c) => (c.status === 'end' ? undefined : once(c, 'end')));
      for (const c of clients) c.disconnect();
      // A client ends once its queues were flushed with rejections; an unhandled one is reported
      // before the next turn of the event loop.
      await Promise.all(ended);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
    expect(state.up).toBe(false);
  });

  it('still rejects for a caller that awaits the command', async () => {
    const state: RedisState = { configured: true, up: false, embeddedDatabase: false };
    const { clients } = createRedisAdapter(REDIS_URL, state);
    const [pub] = clients;
    for (const c of clients) c.disconnect();
    await expect(pub.publish('palabre-test#', 'late')).rejects.toThrow(/closed/i);
  });
});
