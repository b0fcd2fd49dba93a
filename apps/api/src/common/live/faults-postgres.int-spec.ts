import { randomUUID } from 'node:crypto';
import { errorMessage, isRetryable, type Ack, type BallotReceipt } from '@palabre/contracts';
import { Client } from 'pg';
import { AuditService } from '../../modules/audit/audit.service';
import { YESNO } from '../../modules/surveys/survey-fixtures';
import { send, sendOk, TestApp, type TestSocket } from '../testing/harness';
import { eventually, freePort, ScratchPostgres } from '../testing/nodes';

// Fault: the database server restarts (a crash: `pg_ctl stop -m immediate`, then start) in the middle
// of a survey. A private cluster on its own port is stopped and started for real, never the shared one.
describe('when PostgreSQL restarts during a survey', () => {
  let pg: ScratchPostgres;
  let t: TestApp;

  beforeAll(async () => {
    pg = new ScratchPostgres(await freePort());
    await pg.start();
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE palabre');
    await admin.end();
    t = await TestApp.start({ databaseUrl: pg.url('palabre') });
  }, 120_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await pg?.destroy();
  });

  const MEMBERS = 30;
  type Cast = { socket: TestSocket; opId: string; choice: 'yes' | 'no' };
  const cast = ({ socket, opId, choice }: Cast, questionId: string) => send(socket, 'ballot.cast', { opId, questionId, value: { type: 'yesno', choice } });

  it('refuses commands with a retryable DATABASE_UNAVAILABLE while it is down, half-writes nothing, and recovers without a restart', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const activity = await sendOk(staff, 'activity.create', { kind: 'survey', title: 'Pendant la coupure', config: { questions: [YESNO] } });
    const questionId = (await sendOk(staff, 'survey.open', { activityId: activity.id })).questions[0].id;
    const members: { socket: TestSocket; participantId: string }[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const joined = await t.join(session.joinCode, `Membre ${i}`);
      members.push({ socket: await t.connect(joined.token), participantId: joined.participant.id });
    }

    // Everyone votes yes.
    const first: Cast[] = members.map((m) => ({ socket: m.socket, opId: randomUUID(), choice: 'yes' }));
    expect((await Promise.all(first.map((c) => cast(c, questionId)))).filter((a) => !a.ok)).toEqual([]);

    // Everyone changes to no, spread over ~300 ms; the server crashes in the middle of it.
    const second: Cast[] = members.map((m) => ({ socket: m.socket, opId: randomUUID(), choice: 'no' }));
    const wave = second.map(async (c, i) => {
      await new Promise((r) => setTimeout(r, i * 10));
      return cast(c, questionId);
    });
    await new Promise((r) => setTimeout(r, 120));
    await pg.stop('immediate');
    const waveAcks: Ack<BallotReceipt>[] = await Promise.all(wave);

    // Every refusal is the retryable database code with its French message (nothing hangs, nothing else leaks).
    const refusals = waveAcks.filter((a) => !a.ok);
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) {
      expect(r.ok === false && r.error).toEqual({ code: 'DATABASE_UNAVAILABLE', message: errorMessage('DATABASE_UNAVAILABLE', 'fr') });
    }
    expect(isRetryable('DATABASE_UNAVAILABLE')).toBe(true);

    // While it is down: a new ballot, a facilitator's close, the snapshot and the health route all say so.
    const during = await send(members[0].socket, 'ballot.cast', { questionId, value: { type: 'yesno', choice: 'abstain' } });
    expect(during.ok === false && during.error.code).toBe('DATABASE_UNAVAILABLE');
    const close = await send(staff, 'survey.question.close', { questionId });
    expect(close.ok === false && close.error.code).toBe('DATABASE_UNAVAILABLE');
    const snap = await t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${facilitator.token}`);
    expect(snap.status).toBe(503);
    expect(snap.body.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'down', database: 'down' });

    await pg.start();

    // Nothing half-written: a member's ballot is "no" exactly when their second command is recorded as done.
    await eventually(async () => (await t.http().get('/api/health')).status === 200, 30_000, 'the node using the database again');
    const db = new Client({ connectionString: pg.url('palabre') });
    await db.connect();
    try {
      const rows: { participant_id: string; value: { choice: string }; done: boolean }[] = (
        await db.query(
          `SELECT b.participant_id, b.value,
                  EXISTS (SELECT 1 FROM processed_op o WHERE o.participant_id = b.participant_id AND o.op_id = ANY($2::uuid[]) AND o.result IS NOT NULL) AS done
             FROM ballot b WHERE b.question_id = $1`,
          [questionId, second.map((c) => c.opId)],
        )
      ).rows;
      expect(rows).toHaveLength(MEMBERS);
      for (const row of rows) expect(row.value.choice === 'no').toBe(row.done);
      expect((await db.query(`SELECT count(*)::int AS n FROM processed_op WHERE result IS NULL`)).rows[0].n).toBe(0);
      // Every acknowledged change is there.
      const acked = new Set(members.filter((_, i) => waveAcks[i].ok).map((m) => m.participantId));
      for (const row of rows.filter((r) => acked.has(r.participant_id))) expect(row.value.choice).toBe('no');

      // The same node, not restarted: the refused commands are sent again with their opIds, as the web client's queue does.
      const retried = await Promise.all(second.map(async (c, i) => (waveAcks[i].ok ? waveAcks[i] : retryUntilOk(() => cast(c, questionId)))));
      expect(retried.filter((a) => !a.ok)).toEqual([]);
      const final = (await db.query(`SELECT value->>'choice' AS choice, count(*)::int AS n FROM ballot WHERE question_id = $1 GROUP BY 1`, [questionId])).rows;
      expect(final).toEqual([{ choice: 'no', n: MEMBERS }]);
      // One processed op per logical command: 2 per member, none applied twice.
      const ops = (await db.query(`SELECT count(*)::int AS n FROM processed_op WHERE command = 'ballot.cast'`)).rows[0].n;
      expect(ops).toBe(MEMBERS * 2);
    } finally {
      await db.end();
    }

    // Business as usual: the close goes through, a newcomer joins and connects, the audit chain is whole.
    const closed = await sendOk(staff, 'survey.question.close', { questionId });
    expect(closed.state).toBe('closed');
    const newcomer = await t.join(session.joinCode, 'Retardataire');
    const socket = await t.connect(newcomer.token);
    expect(socket.connected).toBe(true);
    const audit = await t.palabre.app.get(AuditService).verify(session.id);
    expect(audit.intact).toBe(true);
  }, 120_000);
});

/** Like the web client's queue: a retryable refusal is sent again (same opId) after a pause. */
async function retryUntilOk<T>(attempt: () => Promise<Ack<T>>, deadlineMs = 30_000): Promise<Ack<T>> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const ack = await attempt();
    if (ack.ok || !isRetryable(ack.error.code) || Date.now() > deadline) return ack;
    await new Promise((r) => setTimeout(r, 300));
  }
}
