import { randomUUID } from 'node:crypto';
import type { Ack, BallotReceipt } from '@palabre/contracts';
import { sendOk, TestApp, type TestSocket } from '../../common/testing/harness';
import { BallotBatcher } from './ballot-batcher';
import { device, member, snapshot, surveySession, YESNO } from './survey-fixtures';
import { appForTests } from '../../common/testing/lifecycle';

const MEMBERS = 100;
const CHOICES = ['yes', 'no', 'abstain'] as const;
type Choice = (typeof CHOICES)[number];

/** One logical command of the burst and what it must answer. */
interface Op {
  member: number;
  opId: string;
  questionId: string;
  value: unknown;
  expected: { ok: true; replaced: boolean } | { ok: false; code: string } | 'ok-or-closed';
  acks: Ack<BallotReceipt>[];
  /** Anonymous questions: the question secret of the member's device. */
  ballotSecret?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function emit(socket: TestSocket, op: Op): Promise<Ack<BallotReceipt>> {
  const emitter = socket.timeout(60_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<BallotReceipt>> };
  return emitter.emitWithAck('ballot.cast', { opId: op.opId, questionId: op.questionId, value: op.value, ...(op.ballotSecret ? { ballotSecret: op.ballotSecret } : {}) });
}

describe('ballots written in group commits (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  async function members(joinCode: string, n: number) {
    const all: Awaited<ReturnType<typeof member>>[] = [];
    for (let i = 0; i < n; i += 20) all.push(...(await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, k) => member(t, joinCode, `Membre ${i + k}`)))));
    return all;
  }

  it('answers each command of a mixed burst as a lone command would be answered and stores each logical ballot once', async () => {
    // Named survey: q1 stays open, q2 is closed mid-burst. Anonymous survey: qa.
    const s = await surveySession(t, { questions: [YESNO, YESNO] });
    const [q1, q2] = s.questionIds;
    const anonymous = await sendOk(s.staff, 'activity.create', {
      kind: 'survey',
      title: 'Atelier anonyme',
      config: { anonymity: 'anonymous', resultsVisibility: 'live', questions: [YESNO] },
    });
    const qa = (await snapshot(t, s.session.id, s.facilitator.token)).surveys[anonymous.id].questions[0].id;
    for (const questionId of [q1, q2, qa]) await sendOk(s.staff, 'survey.question.open', { questionId });
    const people = await members(s.session.joinCode, MEMBERS);

    // Members 0-3 are removed while their sockets are still up: the session check refuses them.
    const revoked = new Set([0, 1, 2, 3]);
    await t.db.query('UPDATE participant SET revoked_at = now() WHERE id = ANY($1::uuid[])', [[...revoked].map((i) => people[i].participantId)]);
    // Member 4's anonymous receipt has no voter token (cast before commitments existed): final.
    await t.db.query('INSERT INTO ballot_receipt (question_id, participant_id) VALUES ($1, $2)', [qa, people[4].participantId]);

    const batcher = t.palabre.app.get(BallotBatcher);
    const before = { ...batcher.stats };
    const ops: Op[] = [];
    const sends: Promise<unknown>[] = [];
    const devices = people.map(() => device());
    const plan = (i: number, questionId: string, value: unknown, expected: Op['expected'], copies = 1): Op => {
      const ballotSecret = questionId === qa ? devices[i].for(qa) : undefined;
      const op: Op = { member: i, opId: randomUUID(), questionId, value, expected: revoked.has(i) ? { ok: false, code: 'TOKEN_REVOKED' } : expected, acks: [], ballotSecret };
      ops.push(op);
      // Copies of one op go out back to back, as a phone resending before the first ack.
      for (let c = 0; c < copies; c++) sends.push(emit(people[i].socket, op).then((ack) => op.acks.push(ack)));
      return op;
    };
    const yesno = (choice: Choice) => ({ type: 'yesno', choice });
    const finalQ1 = new Map<number, Choice>();
    const finalQa = new Map<number, Choice>();
    const q2Ops: Op[] = [];
    const afterClose: Op[] = [];

    const wave = (from: number, to: number, closed: boolean) => {
      for (let i = from; i < to; i++) {
        const first = CHOICES[i % 3];
        plan(i, q1, yesno(first), { ok: true, replaced: false }, i % 4 === 0 ? 2 : 1);
        finalQ1.set(i, first);
        if (i % 5 === 0) {
          // A change in the same burst, right behind the first vote: it must land after it.
          const second = CHOICES[(i + 1) % 3];
          plan(i, q1, yesno(second), { ok: true, replaced: true });
          finalQ1.set(i, second);
        }
        if (i % 10 === 7) plan(i, q1, { type: 'single', optionId: 'mobilite' }, { ok: false, code: 'BALLOT_WRONG_TYPE' }, 2);
        if (i % 10 === 3) plan(i, randomUUID(), yesno('yes'), { ok: false, code: 'NOT_FOUND' });
        const anon = CHOICES[(i + 2) % 3];
        if (i === 4) plan(i, qa, yesno(anon), { ok: false, code: 'BALLOT_NOT_CHANGEABLE' });
        else {
          plan(i, qa, yesno(anon), { ok: true, replaced: false });
          finalQa.set(i, anon);
          if (i % 6 === 0) {
            plan(i, qa, yesno(first), { ok: true, replaced: true });
            finalQa.set(i, first);
          }
        }
        const vote = plan(i, q2, yesno('yes'), closed ? { ok: false, code: 'VOTING_CLOSED' } : 'ok-or-closed');
        q2Ops.push(vote);
        if (closed) afterClose.push(vote);
      }
    };

    wave(0, 25, false);
    await sleep(100);
    wave(25, 50, false);
    // The close competes with the batches in flight; what is sent after its ack must be refused.
    await sendOk(s.staff, 'survey.question.close', { questionId: q2 });
    wave(50, 75, true);
    await sleep(100);
    wave(75, MEMBERS, true);
    await Promise.all(sends);

    // Every ack is what a lone command gets; copies of one op get the same answer.
    for (const op of ops) {
      for (const ack of op.acks) {
        if (op.expected === 'ok-or-closed') {
          if (ack.ok) expect(ack.data).toEqual({ activityId: s.activity.id, questionId: q2, replaced: false });
          else expect(ack.error.code).toBe('VOTING_CLOSED');
        } else if (op.expected.ok) {
          expect({ member: op.member, ack }).toEqual({ member: op.member, ack: { ok: true, data: { activityId: op.questionId === qa ? anonymous.id : s.activity.id, questionId: op.questionId, replaced: op.expected.replaced } } });
        } else {
          expect({ member: op.member, ack: ack.ok ? ack : ack.error.code }).toEqual({ member: op.member, ack: op.expected.code });
        }
      }
      for (const ack of op.acks) expect(ack).toEqual(op.acks[0]);
    }
    expect(afterClose.length).toBeGreaterThan(0);

    // Each member holds one ballot per question, the last value acknowledged.
    const named: { participant_id: string; value: { choice: Choice } }[] = await t.db.query('SELECT participant_id, value FROM ballot WHERE question_id = $1', [q1]);
    const byParticipant = new Map(named.map((r) => [r.participant_id, r.value.choice]));
    expect(named.length).toBe(byParticipant.size);
    expect(new Map([...finalQ1].filter(([i]) => !revoked.has(i)).map(([i, c]) => [people[i].participantId, c]))).toEqual(byParticipant);
    const anonymousRows: { value: { choice: Choice } }[] = await t.db.query('SELECT value FROM anonymous_ballot WHERE question_id = $1', [qa]);
    const expectedQa = [...finalQa].filter(([i]) => !revoked.has(i)).map(([, c]) => c);
    expect(anonymousRows.map((r) => r.value.choice).sort()).toEqual(expectedQa.sort());
    const receipts: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot_receipt WHERE question_id = $1', [qa]);
    expect(receipts[0].n).toBe(expectedQa.length + 1);

    // The closed question counts exactly the ballots acknowledged, all committed before the close.
    const q2Accepted = q2Ops.filter((op) => op.acks[0].ok).length;
    const q2Stored: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot WHERE question_id = $1', [q2]);
    expect(q2Stored[0].n).toBe(q2Accepted);
    const audit: { payload: { ballots: number } }[] = await t.db.query(`SELECT payload FROM audit_event WHERE session_id = $1 AND type = 'survey.question.closed'`, [s.session.id]);
    expect(audit[0].payload.ballots).toBe(q2Accepted);

    // One processed_op per logical op acknowledged, holding its answer; none for a refused one.
    const stored: { participant_id: string; op_id: string; result: BallotReceipt }[] = await t.db.query(
      `SELECT participant_id, op_id, result FROM processed_op WHERE command = 'ballot.cast' AND participant_id = ANY($1::uuid[])`,
      [people.map((p) => p.participantId)],
    );
    const accepted = ops.filter((op) => op.acks[0].ok);
    expect(stored.map((r) => `${r.participant_id}:${r.op_id}`).sort()).toEqual(accepted.map((op) => `${people[op.member].participantId}:${op.opId}`).sort());
    const results = new Map(stored.map((r) => [r.op_id, r.result]));
    for (const op of accepted) expect(results.get(op.opId)).toEqual(op.acks[0].ok ? op.acks[0].data : null);

    // A resend after the ack answers the stored result, whatever the new value; a refused op is judged again.
    const resends = accepted.filter((op) => op.questionId === q1 && op.member % 4 === 1).slice(0, 10);
    const again = await Promise.all(resends.map((op) => emit(people[op.member].socket, { ...op, value: yesno('abstain') })));
    again.forEach((ack, k) => expect(ack).toEqual(resends[k].acks[0]));
    const stillNamed: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM ballot WHERE question_id = $1 AND value->>'choice' = 'abstain'`, [q1]);
    expect(stillNamed[0].n).toBe([...finalQ1].filter(([i, c]) => !revoked.has(i) && c === 'abstain').length);
    const invalid = ops.find((op) => op.member === 17 && op.questionId === q1 && !op.acks[0].ok)!;
    expect(await emit(people[17].socket, { ...invalid, value: yesno('no') })).toMatchObject({ ok: true, data: { replaced: true } });

    // The burst went through batches (several commands per transaction), none split into batches of one.
    expect(batcher.stats.largest).toBeGreaterThan(1);
    expect(batcher.stats.batches - before.batches).toBeLessThan(ops.length);
    expect(batcher.stats.fallbacks).toBe(before.fallbacks);
  }, 180_000);

  it('writes the other ballots of a batch when one fails in the database, by writing its ballots again in batches of one', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const people = await members(s.session.joinCode, 30);
    const bad = people[13].participantId;
    // A database-side failure the checks cannot foresee, for one participant only.
    await t.db.query(`CREATE FUNCTION batch_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.participant_id = '${bad}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await t.db.query('CREATE TRIGGER batch_test_fail BEFORE INSERT ON ballot FOR EACH ROW EXECUTE FUNCTION batch_test_fail()');
    try {
      const batcher = t.palabre.app.get(BallotBatcher);
      const fallbacks = batcher.stats.fallbacks;
      const acks = await Promise.all(
        people.map((p) => emit(p.socket, { member: 0, opId: randomUUID(), questionId: qid, value: { type: 'yesno', choice: 'yes' }, expected: 'ok-or-closed', acks: [] })),
      );
      expect(acks.map((a, i) => (a.ok ? 'ok' : `${i}:${a.error.code}`)).filter((a) => a !== 'ok')).toEqual(['13:INTERNAL']);
      expect(batcher.stats.fallbacks).toBeGreaterThan(fallbacks);
      const rows: { participant_id: string }[] = await t.db.query('SELECT participant_id FROM ballot WHERE question_id = $1', [qid]);
      expect(rows.length).toBe(29);
      const ops: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM processed_op WHERE participant_id = $1`, [bad]);
      expect(ops[0].n).toBe(0);
    } finally {
      await t.db.query('DROP TRIGGER batch_test_fail ON ballot');
      await t.db.query('DROP FUNCTION batch_test_fail()');
    }
  }, 60_000);
});
