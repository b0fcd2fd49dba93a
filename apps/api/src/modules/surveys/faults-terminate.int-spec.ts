import { randomUUID } from 'node:crypto';
import { errorMessage, isRetryable, type Ack, type BallotReceipt } from '@palabre/contracts';
import { Client } from 'pg';
import { member, surveySession, YESNO } from './survey-fixtures';
import { BallotBatcher } from './ballot-batcher';
import { sendOk, TestApp, type TestSocket } from '../../common/testing/harness';
import { captureOutput, type OutputCapture } from '../../common/testing/log-capture';
import { SHARED_PG_URL, throwawayDatabase } from '../../common/testing/nodes';

// Fault: PostgreSQL ends the app's connections in the middle of ballot transactions, as a routine
// restart (or a failover, or an administrator's pg_terminate_backend) does. Only the backends of
// this test's own throwaway database are terminated, on the machine's shared server.
describe('when PostgreSQL terminates connections in the middle of ballot batches', () => {
  let t: TestApp;
  let output: OutputCapture;
  let killer: Client;
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;

  beforeAll(async () => {
    output = captureOutput({ echo: false });
    // Always a database of its own on the server (never the embedded one): the killer ends its backends only.
    db = await throwawayDatabase();
    // Warnings on: the test reads what an operator would read.
    t = await TestApp.start({ databaseUrl: db.url, logLevel: 'warn' });
    killer = new Client({ connectionString: SHARED_PG_URL });
    await killer.connect();
  }, 120_000);

  afterAll(async () => {
    output?.restore();
    await killer?.end();
    await t?.close();
    await db?.drop();
  });

  const MEMBERS = 40;
  const CHOICES = ['yes', 'no', 'abstain'] as const;
  type Choice = (typeof CHOICES)[number];
  interface Op {
    member: number;
    opId: string;
    choice: Choice;
    acks: Ack<BallotReceipt>[];
  }

  function cast(socket: TestSocket, questionId: string, op: Op): Promise<Ack<BallotReceipt>> {
    const emitter = socket.timeout(30_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<BallotReceipt>> };
    return emitter.emitWithAck('ballot.cast', { opId: op.opId, questionId, value: { type: 'yesno', choice: op.choice } });
  }

  /** Like the web client's queue: a retryable refusal is sent again with the same opId after a pause. */
  async function castUntilOk(socket: TestSocket, questionId: string, op: Op): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ack = await cast(socket, questionId, op);
      op.acks.push(ack);
      if (ack.ok || !isRetryable(ack.error.code) || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('refuses the killed batches with the retryable DATABASE_UNAVAILABLE, logs a warning without a stack, and loses or doubles no ballot', async () => {
    const s = await surveySession(t, { questions: [YESNO] });
    const [questionId] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId });
    const people: Awaited<ReturnType<typeof member>>[] = [];
    for (let i = 0; i < MEMBERS; i += 20) people.push(...(await Promise.all(Array.from({ length: Math.min(20, MEMBERS - i) }, (_, k) => member(t, s.session.joinCode, `Membre ${i + k}`)))));
    const database: string = (await t.db.query('SELECT current_database() AS name'))[0].name;
    const batcher = t.palabre.app.get(BallotBatcher);
    const printedBefore = output.text().length;

    // Waves of vote changes, every member at once; meanwhile every backend of the app's database
    // that is inside a transaction is terminated, until enough of them were.
    let killed = 0;
    let waves = 0;
    const ops: Op[] = [];
    let stop = false;
    const killing = (async () => {
      while (!stop) {
        // Two statements, so that nothing but this database's backends can ever be terminated.
        const inTransaction: number[] = (
          await killer.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`, [database])
        ).rows.map((r: { pid: number }) => r.pid);
        const rows = inTransaction.length ? (await killer.query('SELECT p FROM unnest($1::int[]) AS p WHERE pg_terminate_backend(p)', [inTransaction])).rows : [];
        killed += rows.length;
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      while ((killed < 5 || waves < 3) && waves < 40) {
        const choice = CHOICES[waves % CHOICES.length];
        const wave = people.map((_, i): Op => ({ member: i, opId: randomUUID(), choice, acks: [] }));
        ops.push(...wave);
        await Promise.all(wave.map((op) => cast(people[op.member].socket, questionId, op).then((ack) => void op.acks.push(ack))));
        waves++;
      }
    } finally {
      stop = true;
      await killing;
    }
    expect(killed).toBeGreaterThanOrEqual(5);

    // Every refusal is the retryable database code with its French message; nothing else leaked.
    const refusals = ops.flatMap((op) => op.acks).filter((a) => !a.ok);
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r.ok === false && r.error).toEqual({ code: 'DATABASE_UNAVAILABLE', message: errorMessage('DATABASE_UNAVAILABLE', 'fr') });

    // The members' phones send the refused commands again, in order, with the same opIds.
    for (let w = 0; w < waves; w++) {
      const wave = ops.slice(w * MEMBERS, (w + 1) * MEMBERS).filter((op) => !op.acks.some((a) => a.ok));
      await Promise.all(wave.map((op) => castUntilOk(people[op.member].socket, questionId, op)));
    }
    expect(ops.filter((op) => !op.acks.some((a) => a.ok))).toEqual([]);

    // Nothing lost, nothing doubled: one ballot per member with the last wave's choice, one processed op per logical command.
    const last = CHOICES[(waves - 1) % CHOICES.length];
    const ballots: { participant_id: string; choice: string }[] = await t.db.query(`SELECT participant_id, value->>'choice' AS choice FROM ballot WHERE question_id = $1`, [questionId]);
    expect(ballots).toHaveLength(MEMBERS);
    expect(new Set(ballots.map((b) => b.participant_id)).size).toBe(MEMBERS);
    for (const b of ballots) expect(b.choice).toBe(last);
    const processed: { n: number; pending: number }[] = await t.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE result IS NULL)::int AS pending FROM processed_op WHERE command = 'ballot.cast' AND op_id = ANY($1::uuid[])`,
      [ops.map((op) => op.opId)],
    );
    expect(processed[0]).toEqual({ n: ops.length, pending: 0 });
    expect(batcher.stats.fallbacks).toBe(0);

    // What the operator reads: the outage as a warning, no ERROR line, no stack trace.
    const printed = output.text().slice(printedBefore);
    expect(printed).toMatch(/WARN.*database unavailable/);
    expect(printed).not.toMatch(/\bERROR\b/);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(printed).not.toMatch(/INTERNAL|QueryRunner/);
  }, 120_000);
});
