// Stand-in write scenario while ballots are not on this branch: staff writers create agenda items
// (`activity.create`: transaction, version bump, audit link) and every client receives
// `activity.created`. Heavier per write than a ballot (each write is broadcast to all N, not coalesced).
import { command } from '../lib/swarm.mjs';
import { sleep } from '../lib/stats.mjs';

/** A writer's sustained command budget is 10/s (live.gateway.ts): stay well under it. */
const PER_WRITER_PER_SECOND = 5;

export const activityScenario = {
  name: 'activity.create → activity.created (stand-in)',
  event: 'activity.created',
  writers: ({ rate }) => Math.ceil(rate / PER_WRITER_PER_SECOND),
  /**
   * Each write reaches all N clients, so the rate is set by a delivery budget of 20,000/s —
   * what 5,000 clients receiving results 4 times a second amount to (the product target).
   */
  rateFor: (n, rate) => Math.max(2, Math.min(rate, Math.floor(20_000 / n))),

  async run({ writers, screens, rate, seconds }) {
    const seen = screens.map(() => new Map()); // per projector: activity id → first receipt time
    screens.forEach((s, i) => s.socket.on('activity.created', (p) => seen[i].has(p.activity.id) || seen[i].set(p.activity.id, performance.now())));
    const total = Math.round(rate * seconds);
    const started = performance.now();
    const ops = [];
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      const writer = writers[i % writers.length];
      ops.push(command(writer.socket, 'activity.create', { kind: 'qna', title: `Point ${i + 1}` }));
    }
    const results = await Promise.all(ops);
    const durationMs = performance.now() - started;
    await sleep(1000); // let the last broadcasts land
    const acks = [];
    const v2p = [];
    let failed = 0;
    for (const r of results) {
      if (!r.ack?.ok) {
        failed++;
        continue;
      }
      acks.push(r.ackedAt - r.sentAt);
      for (const m of seen) {
        const at = m.get(r.ack.data.id);
        if (at !== undefined) v2p.push(at - r.sentAt);
      }
    }
    return { acks, v2p, ok: acks.length, failed, durationMs };
  },
};
