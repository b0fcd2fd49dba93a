import { sendOk, type TestApp } from '../testing/harness';
import { appForTests } from '../testing/lifecycle';
import { ProcessedOpPurge } from './processed-op-purge';

// processed_op rows outlive their use once a session is sealed: no command of it can be sent
// again. They are purged a retention after the seal (7 days by default), and only then.
describe('the purge of processed operations (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  /** A live session where the facilitator and two members sent commands (each stored with its opId). */
  async function sessionWithCommands(title: string) {
    const { session, staff, facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    const qna = await sendOk(socket, 'activity.create', { kind: 'qna', title });
    await sendOk(socket, 'activity.open', { activityId: qna.id });
    for (const name of ['Alice Garnier', 'Bruno Lacaze']) {
      const member = await t.connect((await t.join(session.joinCode, name)).token);
      await sendOk(member, 'qna.ask', { activityId: qna.id, text: `Une question de ${name}` });
    }
    return { sessionId: session.id, facilitatorToken: staff.token };
  }

  async function seal(sessionId: string, facilitatorToken: string) {
    const organiser = (await t.staff('organiser')).token;
    await t.http().post(`/api/sessions/${sessionId}/transition`).set('Authorization', `Bearer ${facilitatorToken}`).send({ to: 'closed' }).expect(200);
    await t.http().post(`/api/sessions/${sessionId}/seal`).set('Authorization', `Bearer ${organiser}`).expect(200);
  }

  const ops = async (sessionId: string): Promise<number> =>
    (await t.db.query('SELECT count(*)::int AS n FROM processed_op o JOIN participant p ON p.id = o.participant_id WHERE p.session_id = $1', [sessionId]))[0].n;

  it('deletes the operations of sessions sealed more than 7 days ago, and keeps those of recent seals and of live sessions', async () => {
    const old = await sessionWithCommands('Séance scellée il y a longtemps');
    const recent = await sessionWithCommands('Séance scellée hier');
    const live = await sessionWithCommands('Séance en cours');
    await seal(old.sessionId, old.facilitatorToken);
    await seal(recent.sessionId, recent.facilitatorToken);
    for (const s of [old, recent, live]) expect(await ops(s.sessionId)).toBeGreaterThanOrEqual(4);
    // Time passes: the first seal is now 7 days and an hour old, the second 6 days old.
    await t.db.query(`UPDATE archive_record SET sealed_at = now() - interval '7 days 1 hour' WHERE session_id = $1`, [old.sessionId]);
    await t.db.query(`UPDATE archive_record SET sealed_at = now() - interval '6 days' WHERE session_id = $1`, [recent.sessionId]);
    const kept = { recent: await ops(recent.sessionId), live: await ops(live.sessionId) };

    const purge = t.palabre.app.get(ProcessedOpPurge);
    expect(await purge.purge()).toBeGreaterThanOrEqual(4);
    expect(await ops(old.sessionId)).toBe(0);
    expect(await ops(recent.sessionId)).toBe(kept.recent);
    expect(await ops(live.sessionId)).toBe(kept.live);

    // A day later the second one goes too; a purge with nothing due deletes nothing.
    expect(await purge.purge(new Date(Date.now() + 24 * 3600_000 + 60_000))).toBe(kept.recent);
    expect(await ops(recent.sessionId)).toBe(0);
    expect(await purge.purge()).toBe(0);
    expect(await ops(live.sessionId)).toBe(kept.live);
    // The archive itself is untouched: its verification still passes.
    const organiser = (await t.staff('organiser')).token;
    const verified = await t.http().get(`/api/archive/${old.sessionId}/verify`).set('Authorization', `Bearer ${organiser}`).expect(200);
    expect(verified.body).toMatchObject({ intact: true });
  }, 120_000);
});

describe('the purge with a retention of 0 days (PROCESSED_OP_RETENTION_DAYS=0)', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { processedOpRetentionDays: 0 });

  it('deletes a sealed session’s operations at the next run', async () => {
    const { session, staff, facilitator } = await t.liveSession();
    const socket = await t.connect(facilitator.token);
    await sendOk(socket, 'activity.create', { kind: 'qna', title: 'Questions' });
    const organiser = (await t.staff('organiser')).token;
    await t.http().post(`/api/sessions/${session.id}/transition`).set('Authorization', `Bearer ${staff.token}`).send({ to: 'closed' }).expect(200);
    await t.http().post(`/api/sessions/${session.id}/seal`).set('Authorization', `Bearer ${organiser}`).expect(200);
    expect(await t.palabre.app.get(ProcessedOpPurge).purge()).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
