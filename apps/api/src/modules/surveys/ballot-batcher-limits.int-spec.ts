import { randomUUID } from 'node:crypto';
import { errorMessage, type Ack, type BallotReceipt } from '@palabre/contracts';
import { Client } from 'pg';
import { sendOk, TestApp, type TestSocket } from '../../common/testing/harness';
import { eventually, throwawayDatabase } from '../../common/testing/nodes';
import { BallotBatcher, MAX_QUEUED } from './ballot-batcher';
import { member, surveySession, YESNO } from './survey-fixtures';

// The batcher's two limits, on a real database and real sockets: the queue refuses past
// MAX_QUEUED waiting ballots, and closing the app writes the queued ballots before the pool goes.
// Both hold the survey question's row FOR UPDATE from another connection, as a long close or a
// slow disk would: the batches' `FOR SHARE` waits, and ballots pile up in the queue.

const CHOICES = ['yes', 'no', 'abstain'] as const;

function cast(socket: TestSocket, questionId: string, opId: string, choice: string): Promise<Ack<BallotReceipt>> {
  const emitter = socket.timeout(120_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<BallotReceipt>> };
  return emitter.emitWithAck('ballot.cast', { opId, questionId, value: { type: 'yesno', choice } });
}

/** A transaction on its own connection holding the question's row until `release()`. */
async function holdQuestion(url: string, questionId: string) {
  const client = new Client({ connectionString: url });
  // The database is dropped WITH (FORCE) after a failed test: that end is not an error.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM survey_question WHERE id = $1 FOR UPDATE', [questionId]);
  let released = false;
  return {
    /** Backends of the app waiting on a lock. */
    async waiting(): Promise<number> {
      return (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n;
    },
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await client.query('COMMIT');
      await client.end();
    },
  };
}

async function members(t: TestApp, joinCode: string, n: number) {
  const all: Awaited<ReturnType<typeof member>>[] = [];
  for (let i = 0; i < n; i += 20) all.push(...(await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, k) => member(t, joinCode, `Membre ${i + k}`)))));
  return all;
}

describe('the ballot queue limit', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let t: TestApp;

  beforeAll(async () => {
    db = await throwawayDatabase();
    // Each member sends a hundred ballots at once: the rate limit is raised for this test.
    t = await TestApp.start({ databaseUrl: db.url, commandBurst: 1000, commandRatePerSecond: 1000, floodRefusals: 100_000 });
  }, 120_000);

  let hold: Awaited<ReturnType<typeof holdQuestion>> | undefined;

  afterAll(async () => {
    await hold?.release();
    await t?.close();
    await db?.drop();
  });

  it(`refuses ballots at once with the retryable DATABASE_UNAVAILABLE past ${MAX_QUEUED} waiting, and writes every accepted one`, async () => {
    const MEMBERS = 100;
    const EXTRA = 40;
    const s = await surveySession(t, { questions: [YESNO] });
    const [questionId] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId });
    const people = await members(t, s.session.joinCode, MEMBERS);
    const batcher = t.palabre.app.get(BallotBatcher);

    const held = (hold = await holdQuestion(db.url, questionId));
    // Every member's first ballot: taken into batches that now wait on the lock, which keeps each
    // member's key busy, so everything sent after stays in the queue.
    const first = people.map((p) => cast(p.socket, questionId, randomUUID(), 'yes'));
    await eventually(async () => batcher.queued + batcher.answering === MEMBERS && (await held.waiting()) > 0, 10_000, 'the first ballots waiting on the lock');
    // Most are in batches now; a few may wait in the queue for a batch slot (a few batches in flight at most).
    const waitingFirsts = batcher.queued;
    // Then MAX_QUEUED + EXTRA more, round-robin over the members: socket.io keeps each socket's order.
    const ops: { member: number; opId: string; choice: string; ack?: Ack<BallotReceipt> }[] = [];
    for (let k = 0; k < MAX_QUEUED + EXTRA; k++) ops.push({ member: k % MEMBERS, opId: randomUUID(), choice: CHOICES[Math.floor(k / MEMBERS) % 3] });
    const acks = ops.map((op) => cast(people[op.member].socket, questionId, op.opId, op.choice).then((ack) => (op.ack = ack)));

    // The refusals come back while the database is still held: nothing past the limit waits in memory.
    const REFUSED = EXTRA + waitingFirsts;
    await eventually(() => ops.filter((op) => op.ack).length === REFUSED, 60_000, 'the refusals past the limit');
    expect(batcher.queued).toBe(MAX_QUEUED);
    const refused = ops.filter((op) => op.ack);
    for (const op of refused) expect(op.ack).toEqual({ ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: errorMessage('DATABASE_UNAVAILABLE', 'fr') } });
    // Which ones: those that found the queue full, the last ones each member sent (a socket keeps its order).
    const refusedOps = new Set(refused.map((op) => op.opId));
    for (let m = 0; m < MEMBERS; m++) {
      const mine = ops.filter((op) => op.member === m).map((op) => refusedOps.has(op.opId));
      expect(mine.indexOf(true) === -1 || mine.slice(mine.indexOf(true)).every(Boolean)).toBe(true);
    }

    await held.release();
    expect((await Promise.all(first)).filter((a) => !a.ok)).toEqual([]);
    await Promise.all(acks);
    const accepted = ops.filter((op) => !refusedOps.has(op.opId));
    expect(accepted.filter((op) => !op.ack?.ok)).toEqual([]);

    // Stored once each, in order: every member's ballot is their last accepted one.
    const lastChoice = new Map<string, string>();
    for (const op of accepted) lastChoice.set(people[op.member].participantId, op.choice);
    const ballots: { participant_id: string; choice: string }[] = await t.db.query(`SELECT participant_id, value->>'choice' AS choice FROM ballot WHERE question_id = $1`, [questionId]);
    expect(ballots).toHaveLength(MEMBERS);
    for (const b of ballots) expect(b.choice).toBe(lastChoice.get(b.participant_id));
    const processed: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM processed_op WHERE command = 'ballot.cast'`);
    expect(processed[0].n).toBe(MEMBERS + accepted.length);
    // A refused ballot sent again (same opId) once the queue has room is written.
    const again = refused[0];
    expect(await cast(people[again.member].socket, questionId, again.opId, again.choice)).toMatchObject({ ok: true });
  }, 180_000);
});

describe('closing the app with ballots queued', () => {
  it('writes the queued ballots and answers them before the database pool closes', async () => {
    const db = await throwawayDatabase();
    const t = await TestApp.start({ databaseUrl: db.url });
    let hold: Awaited<ReturnType<typeof holdQuestion>> | undefined;
    try {
      const MEMBERS = 30;
      const s = await surveySession(t, { questions: [YESNO] });
      const [questionId] = s.questionIds;
      await sendOk(s.staff, 'survey.question.open', { questionId });
      const people = await members(t, s.session.joinCode, MEMBERS);
      const batcher = t.palabre.app.get(BallotBatcher);

      const held = (hold = await holdQuestion(db.url, questionId));
      // Two ballots per member: the first ones wait on the lock in flight, the second ones in the queue.
      const opIds = people.map(() => [randomUUID(), randomUUID()]);
      const acks = people.flatMap((p, i) => [cast(p.socket, questionId, opIds[i][0], 'yes'), cast(p.socket, questionId, opIds[i][1], 'no')]);
      await eventually(async () => batcher.queued === MEMBERS && (await held.waiting()) > 0, 10_000, 'ballots queued behind the lock');

      // SIGTERM: the app closes while they wait (the members' sockets stay up); the lock goes a moment later.
      const closing = t.palabre.close();
      await new Promise((r) => setTimeout(r, 300));
      await held.release();
      await closing;

      // Every member heard back before the sockets closed, and every ballot is stored.
      const answers = await Promise.all(acks);
      expect(answers.filter((a) => !a.ok)).toEqual([]);
      const check = new Client({ connectionString: db.url });
      await check.connect();
      try {
        const ballots = (await check.query(`SELECT value->>'choice' AS choice, count(*)::int AS n FROM ballot WHERE question_id = $1 GROUP BY 1`, [questionId])).rows;
        expect(ballots).toEqual([{ choice: 'no', n: MEMBERS }]);
        const ops = (await check.query(`SELECT count(*)::int AS n FROM processed_op WHERE command = 'ballot.cast' AND result IS NOT NULL AND op_id = ANY($1::uuid[])`, [opIds.flat()])).rows[0].n;
        expect(ops).toBe(2 * MEMBERS);
      } finally {
        await check.end();
      }
    } finally {
      await hold?.release();
      await t.close();
      await db.drop();
    }
  }, 120_000);
});
