import { TestApp } from '../../common/testing/harness';
import { freePort } from '../../common/testing/nodes';
import { DEMO } from '../../seed/demo';

interface HealthAnswer {
  http: number;
  status: string;
  retryAfter: string | null;
}

describe('readiness (real app, embedded database or PostgreSQL)', () => {
  it('answers 503 "starting" until the demo is seeded, and once it answers OK the demo session takes a join', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const answers: HealthAnswer[] = [];
    // What a load balancer does: ask again and again, and send the first member as soon as it says OK.
    const balancer = (async (): Promise<number> => {
      for (;;) {
        const res = await fetch(`${base}/api/health`).catch(() => undefined);
        if (res) {
          const body = (await res.json()) as { status: string };
          answers.push({ http: res.status, status: body.status, retryAfter: res.headers.get('retry-after') });
          if (res.ok) {
            const join = await fetch(`${base}/api/sessions/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: DEMO.joinCode, displayName: 'Première arrivée' }) });
            return join.status;
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t = await TestApp.start({ seedDemo: true, port });
    try {
      const joinStatus = await balancer;
      expect(joinStatus).toBe(200);
      const ok = answers.at(-1);
      expect(ok).toMatchObject({ http: 200, status: 'ok' });
      // The server listened before the demo session existed, and said so.
      const before = answers.slice(0, -1);
      expect(before.length).toBeGreaterThan(0);
      expect(new Set(before.map((a) => `${a.http} ${a.status} retry-after ${a.retryAfter}`))).toEqual(new Set(['503 starting retry-after 1']));
    } finally {
      await t.close();
    }
  }, 300_000);
});
