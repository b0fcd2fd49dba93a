import { randomUUID } from 'node:crypto';
import { isRetryable, type Ack, type BallotReceipt, type EventPayload } from '@palabre/contracts';
import { nextEvent, send, sendOk, TestApp, type TestSocket } from '../../common/testing/harness';
import { ballotCommitment, receiptCode } from '@palabre/domain';
import { device, member, snapshot, surveySession, YESNO } from './survey-fixtures';
import { appForTests } from '../../common/testing/lifecycle';

const BURST = 200;

describe('ballots under load and anonymity (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  async function members(joinCode: string, n: number): Promise<TestSocket[]> {
    const sockets: TestSocket[] = [];
    for (let i = 0; i < n; i += 20) {
      const batch = await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, k) => member(t, joinCode, `Membre ${i + k}`)));
      sockets.push(...batch.map((b) => b.socket));
    }
    return sockets;
  }

  it('counts 200 ballots cast at once from 200 sockets exactly once each, in coalesced updates', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    const sockets = await members(s.session.joinCode, BURST);
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const updates: { at: number; p: EventPayload<'results.updated'> }[] = [];
    const watcher = sockets[0];
    watcher.on('results.updated', (p) => updates.push({ at: Date.now(), p }));
    const done = nextEvent(watcher, 'results.updated', (p) => p.ballots === BURST, 150_000);
    // Like the web client's queue: a retryable refusal (database busy) is sent again with the same opId.
    const cast = async (socket: TestSocket, i: number) => {
      const opId = randomUUID();
      for (let attempt = 1; ; attempt++) {
        // The embedded database serialises 200 transactions on one connection: allow it time.
        const emitter = socket.timeout(90_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<BallotReceipt>> };
        const ack = await emitter.emitWithAck('ballot.cast', { opId, questionId: qid, value: { type: 'yesno', choice: i % 4 === 0 ? 'no' : 'yes' } });
        if (ack.ok || !isRetryable(ack.error.code) || attempt === 5) return ack;
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    };
    const acks = await Promise.all(sockets.map(cast));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const final = await done;
    expect(final.results).toMatchObject({ type: 'yesno', ballots: BURST });
    const choices = final.results?.type === 'yesno' ? final.results.choices : [];
    expect(choices.find((c) => c.choice === 'no')?.count).toBe(BURST / 4);
    expect(choices.find((c) => c.choice === 'yes')?.count).toBe((BURST * 3) / 4);
    // Each update is a full tally; never more than 4 in any second.
    for (const { at } of updates) expect(updates.filter((u) => u.at > at - 1000 && u.at <= at).length).toBeLessThanOrEqual(4);
    expect(updates.every((u) => u.p.results !== null && u.p.ballots === u.p.results.ballots)).toBe(true);
    const rows: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot WHERE question_id = $1', [qid]);
    expect(rows[0].n).toBe(BURST);
  }, 240_000);

  it('refuses every ballot that reaches the question after the close committed, and counts the others', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    const sockets = await members(s.session.joinCode, 40);
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const casting = sockets.map((socket) => send(socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'yes' } }));
    const closing = sendOk(s.staff, 'survey.question.close', { questionId: qid });
    const acks = await Promise.all(casting);
    await closing;
    const accepted = acks.filter((a) => a.ok).length;
    const refused = acks.filter((a) => !a.ok);
    expect(refused.every((a) => !a.ok && a.error.code === 'VOTING_CLOSED')).toBe(true);
    expect(accepted + refused.length).toBe(40);
    const rows: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot WHERE question_id = $1', [qid]);
    expect(rows[0].n).toBe(accepted);
    const audit: { payload: { ballots: number } }[] = await t.db.query(`SELECT payload FROM audit_event WHERE session_id = $1 AND type = 'survey.question.closed'`, [s.session.id]);
    expect(audit[0].payload.ballots).toBe(accepted);
  }, 60_000);

  it('stores anonymous ballots apart: no column or join links a ballot to a participant, yet the voting device can change it', async () => {
    const s = await surveySession(t, { questions: [YESNO], anonymity: 'anonymous' });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const anna = await member(t, s.session.joinCode, 'Anna');
    const ben = await member(t, s.session.joinCode, 'Ben');
    const annaPhone = device();
    const benPhone = device();
    const recorded = nextEvent(anna.socket, 'ballot.recorded');
    await sendOk(anna.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'yes' }, ballotSecret: annaPhone.for(qid) });
    // To the voter only: the receipt code, never the value.
    const event = await recorded;
    expect(event.value).toBeUndefined();
    expect(event.receipt).toBe(receiptCode(ballotCommitment(annaPhone.for(qid))));
    await sendOk(ben.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'no' }, ballotSecret: benPhone.for(qid) });
    const change = await sendOk(anna.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'abstain' }, ballotSecret: annaPhone.for(qid) });
    expect(change.replaced).toBe(true);

    // The schema: the ballot table has no participant, no time; the receipt has no value (how the
    // member voted — device, proxy, paper, assisted — and who cast it, never what).
    const columns: { table_name: string; column_name: string }[] = await t.db.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('anonymous_ballot', 'ballot_receipt') ORDER BY table_name, column_name`,
    );
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'anonymous_ballot.commitment', 'anonymous_ballot.id', 'anonymous_ballot.question_id', 'anonymous_ballot.value',
      'ballot_receipt.cast_by', 'ballot_receipt.channel', 'ballot_receipt.participant_id', 'ballot_receipt.question_id', 'ballot_receipt.voter_token',
    ]);
    // No named ballot row, and nothing stored with the participant (idempotency results included) names the choice or the commitment.
    const named: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot WHERE question_id = $1', [qid]);
    expect(named[0].n).toBe(0);
    const ops: { result: unknown }[] = await t.db.query(`SELECT result FROM processed_op WHERE participant_id = $1 AND command = 'ballot.cast'`, [anna.participantId]);
    expect(ops).toHaveLength(2);
    expect(JSON.stringify(ops)).not.toMatch(/abstain|yes|choice/);
    expect(JSON.stringify(ops)).not.toContain(ballotCommitment(annaPhone.for(qid)));
    const values: { value: { choice: string }; commitment: string }[] = await t.db.query('SELECT value, commitment FROM anonymous_ballot WHERE question_id = $1', [qid]);
    expect(values.map((v) => v.value.choice).sort()).toEqual(['abstain', 'no']);
    expect(values.map((v) => v.commitment).sort()).toEqual([ballotCommitment(annaPhone.for(qid)), ballotCommitment(benPhone.for(qid))].sort());

    // The server cannot find a voter's anonymous ballot: the snapshot has none (the device keeps its own). The tally counts two, no breakdown.
    expect((await snapshot(t, s.session.id, anna.token)).myBallots[qid]).toBeUndefined();
    const res = await t.http().get(`/api/sessions/${s.session.id}/survey-questions/${qid}/results`).set('Authorization', `Bearer ${s.facilitator.token}`).expect(200);
    expect(res.body).toMatchObject({ ballots: 2, breakdown: null });
    const receipts: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot_receipt WHERE question_id = $1', [qid]);
    expect(receipts[0].n).toBe(2);
  });

  it('lets a member change an anonymous ballot from the device that cast it, and from no other', async () => {
    const s = await surveySession(t, { questions: [YESNO], anonymity: 'anonymous' });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const anna = await member(t, s.session.joinCode, 'Anna');
    const phone = device();
    const laptop = device();
    await sendOk(anna.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'yes' }, ballotSecret: phone.for(qid) });

    // Another device of the same member (same account, another secret): a clear refusal, nothing changes.
    const other = await send(anna.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'no' }, ballotSecret: laptop.for(qid) });
    expect(other).toMatchObject({ ok: false, error: { code: 'BALLOT_OTHER_DEVICE' } });
    expect(other.ok ? '' : other.error.message).toMatch(/autre appareil/);
    // Without any secret: refused too.
    expect(await send(anna.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'no' } })).toMatchObject({ ok: false, error: { code: 'BALLOT_SECRET_REQUIRED' } });
    const before: { value: { choice: string } }[] = await t.db.query('SELECT value FROM anonymous_ballot WHERE question_id = $1', [qid]);
    expect(before.map((r) => r.value.choice)).toEqual(['yes']);

    // The same device: changed in place, still one ballot, one receipt.
    expect(await sendOk(anna.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'no' }, ballotSecret: phone.for(qid) })).toMatchObject({ replaced: true });
    const after: { value: { choice: string }; commitment: string }[] = await t.db.query('SELECT value, commitment FROM anonymous_ballot WHERE question_id = $1', [qid]);
    expect(after).toEqual([{ value: { type: 'yesno', choice: 'no' }, commitment: ballotCommitment(phone.for(qid)) }]);
    const receipts: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot_receipt WHERE question_id = $1', [qid]);
    expect(receipts[0].n).toBe(1);
  });

  it('keeps the anonymity mode fixed once a ballot exists', async () => {
    const s = await surveySession(t, { questions: [YESNO], anonymity: 'anonymous' });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const m = await member(t, s.session.joinCode, 'Anna');
    await sendOk(m.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'yes' }, ballotSecret: device().for(qid) });
    for (const settle of [async () => undefined, () => sendOk(s.staff, 'survey.question.close', { questionId: qid })]) {
      await settle();
      expect(await send(s.staff, 'survey.settings', { activityId: s.activity.id, anonymity: 'named' })).toMatchObject({ ok: false, error: { code: 'SURVEY_SETTINGS_LOCKED' } });
    }
    const survey: { anonymity: string }[] = await t.db.query('SELECT anonymity FROM survey WHERE activity_id = $1', [s.activity.id]);
    expect(survey[0].anonymity).toBe('anonymous');
  });

  it('breaks named results down by roster profile, hiding cells under five voters', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const m = await member(t, s.session.joinCode, 'Invitée');
    await sendOk(m.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: 'yes' } });
    const res = await t.http().get(`/api/sessions/${s.session.id}/survey-questions/${qid}/results`).set('Authorization', `Bearer ${s.facilitator.token}`).expect(200);
    // An open-session guest has no roster profile: every cell is empty, hence hidden.
    expect(res.body.breakdown.gender.femme).toMatchObject({ hidden: true, reason: 'small_cell', voters: '<5' });
  });
});
