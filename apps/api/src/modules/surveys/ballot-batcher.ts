import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { BallotReceipt, CommandPayload } from '@palabre/contracts';
import { DataSource } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError, toAppError } from '../../common/errors/app-error';
import { CommandRunner, currentActor, PARTICIPANT_COLUMNS, storedResult, type ParticipantRow } from '../../common/realtime/command-runner';
import { rooms } from '../../common/realtime/rooms';
import { TransactionRunner, type Tx } from '../../common/realtime/transaction';
import { returningRows } from '../../database/returning';
import { admitBallot, BallotsService, QUESTION_COLUMNS, QUESTION_FROM, type BallotQuestion, type BallotWrite } from './ballots.service';
import { LiveResultsService } from './live-results.service';

/** Ballots written in one transaction at most. */
export const MAX_BATCH = 500;
/** Ballots waiting beyond this are refused at once (retryable) rather than held in memory. */
export const MAX_QUEUED = 10_000;
/** How long closing the app waits for queued ballots to be written. */
const DRAIN_ON_CLOSE_MS = 5_000;

type Cast = CommandPayload<'ballot.cast'>;

interface Pending {
  actor: ParticipantActor;
  payload: Cast;
  /** (participant, question) and (participant, opId): one command per key in flight at a time. */
  keys: [string, string];
  resolve(receipt: BallotReceipt): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; receipt: BallotReceipt } | { ok: false; error: AppError };

/**
 * Group commit for `ballot.cast`. Commands that passed the immediate checks (rate limit, role,
 * schema: CommandRunner.answer) wait here and are written in batches, one transaction per batch
 * with multi-row statements, a few batches in flight at most: under a burst ballots wait in this
 * queue, not in the pool's 5 s connection wait. Answers are those of the one-by-one path
 * (CommandRunner.execute + BallotsService.cast), whose check functions the batch shares.
 *
 * A batch holds at most one command per (participant, question) and per (participant, opId),
 * and a key in flight holds back later commands with that key, so a vote change lands after the
 * vote it changes and a resent op finds the first one's stored result.
 */
@Injectable()
export class BallotBatcher implements OnModuleDestroy {
  private readonly logger = new Logger('BallotBatcher');
  private queue: Pending[] = [];
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private scheduled = false;
  private onIdle?: () => void;
  /** A quarter of the pool, between 1 and 4: the rest stays for every other request. */
  readonly maxInFlight: number;
  /** Counters for tests and diagnostics: batches committed, their commands, the largest, batches replayed one by one. */
  readonly stats = { batches: 0, commands: 0, largest: 0, fallbacks: 0 };

  constructor(
    db: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandRunner,
    private readonly ballots: BallotsService,
    private readonly results: LiveResultsService,
  ) {
    const pool = (db.options as { extra?: { max?: number } }).extra?.max ?? 10;
    this.maxInFlight = Math.min(4, Math.max(1, Math.floor(pool / 4)));
  }

  /** Queue a validated command; resolves with its receipt once committed, or rejects with its refusal. */
  cast(actor: ParticipantActor, payload: Cast): Promise<BallotReceipt> {
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(new AppError('DATABASE_UNAVAILABLE'));
    return new Promise((resolve, reject) => {
      const p = actor.participantId;
      this.queue.push({ actor, payload, keys: [`${p}:q:${payload.questionId}`, `${p}:op:${payload.opId}`], resolve, reject });
      this.schedule();
    });
  }

  /** Commands that arrive in the same turn of the event loop join one batch. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) break; // every queued command waits for a key in flight
      this.inFlight++;
      for (const item of batch) for (const key of item.keys) this.busy.add(key);
      void this.process(batch).finally(() => {
        for (const item of batch) for (const key of item.keys) this.busy.delete(key);
        this.inFlight--;
        this.drain();
      });
    }
    if (this.inFlight === 0 && this.queue.length === 0) this.onIdle?.();
  }

  /** The next batch in arrival order; a command whose key is taken also holds back later ones with its keys. */
  private take(): Pending[] {
    const blocked = new Set(this.busy);
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (let i = 0; i < this.queue.length; i++) {
      const item = this.queue[i];
      if (batch.length === MAX_BATCH) {
        rest.push(...this.queue.slice(i));
        break;
      }
      if (item.keys.some((k) => blocked.has(k))) rest.push(item);
      else batch.push(item);
      for (const k of item.keys) blocked.add(k);
    }
    this.queue = rest;
    return batch;
  }

  private async process(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.transactions.run((tx) => this.write(tx, batch));
    } catch (error) {
      if (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE') {
        for (const item of batch) item.reject(error);
        return;
      }
      // A unique violation raced by another path (CONFLICT), or anything unexpected: one bad command must not sink the others.
      this.stats.fallbacks++;
      this.logger.warn(`batch of ${batch.length} ballots failed (${error instanceof AppError ? error.code : String(error)}), writing them one by one`);
      await this.oneByOne(batch);
      return;
    }
    this.stats.batches++;
    this.stats.commands += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    const touched = new Set<string>();
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) {
        touched.add(outcome.receipt.questionId);
        item.resolve(outcome.receipt);
      } else item.reject(outcome.error);
    });
    for (const questionId of touched) this.results.touch(questionId);
  }

  /** The ordinary path, command by command (each its own transaction). */
  private async oneByOne(batch: Pending[]): Promise<void> {
    for (const item of batch) {
      try {
        const receipt = await this.commands.execute(item.actor, 'ballot.cast', item.payload, ({ tx, actor, payload, sessionState }) =>
          this.ballots.cast(tx, actor, payload, sessionState),
        );
        this.results.touch(receipt.questionId);
        item.resolve(receipt);
      } catch (error) {
        item.reject(error);
      }
    }
  }

  /**
   * One transaction for the batch, the steps of CommandRunner.execute and BallotsService.cast
   * with a statement each for all commands: claim the opIds (a resent one answers its stored
   * result), the senders' session rows, the questions FOR SHARE, the ballots, the stored results.
   * A refused command keeps nothing: its processed_op row is deleted before the commit.
   */
  private async write(tx: Tx, batch: Pending[]): Promise<Outcome[]> {
    const m = tx.manager;
    const outcomes: (Outcome | undefined)[] = batch.map(() => undefined);
    const refuse = (i: number, error: unknown) => (outcomes[i] = { ok: false, error: toAppError(error) });

    // 1. Idempotency. Rows in key order; a concurrent duplicate (another node) waits for the first to commit.
    const ops = batch.map((item) => ({ participant_id: item.actor.participantId, op_id: item.payload.opId }));
    const claimed = returningRows<{ participant_id: string; op_id: string }>(
      await m.query(
        `INSERT INTO processed_op (participant_id, op_id, command)
         SELECT r.participant_id, r.op_id, 'ballot.cast' FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid)
          ORDER BY r.participant_id, r.op_id
         ON CONFLICT DO NOTHING RETURNING participant_id, op_id`,
        [JSON.stringify(ops)],
      ),
    );
    const mine = new Set(claimed.map((r) => `${r.participant_id}:${r.op_id}`));
    const resent = batch.flatMap((item, i) => (mine.has(`${item.actor.participantId}:${item.payload.opId}`) ? [] : [i]));
    if (resent.length > 0) {
      const stored: { participant_id: string; op_id: string; command: string; result: unknown }[] = await m.query(
        `SELECT o.participant_id, o.op_id, o.command, o.result FROM processed_op o
           JOIN jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid) ON o.participant_id = r.participant_id AND o.op_id = r.op_id`,
        [JSON.stringify(resent.map((i) => ops[i]))],
      );
      const byKey = new Map(stored.map((r) => [`${r.participant_id}:${r.op_id}`, r]));
      for (const i of resent) {
        try {
          outcomes[i] = { ok: true, receipt: storedResult(byKey.get(`${ops[i].participant_id}:${ops[i].op_id}`), 'ballot.cast') };
        } catch (error) {
          refuse(i, error);
        }
      }
    }
    const fresh = batch.flatMap((item, i) => (outcomes[i] ? [] : [i]));

    // 2. The senders: session state, revoked, moved to another group (as CommandRunner.execute).
    const senders = new Map<string, { session_id: string; participant_id: string }>();
    for (const i of fresh) senders.set(batch[i].actor.participantId, { session_id: batch[i].actor.sessionId, participant_id: batch[i].actor.participantId });
    const participantRows: (ParticipantRow & { participant_id: string })[] = fresh.length
      ? await m.query(
          `SELECT p.id AS participant_id, ${PARTICIPANT_COLUMNS}
             FROM jsonb_to_recordset($1::jsonb) AS k(session_id uuid, participant_id uuid)
             JOIN session s ON s.id = k.session_id JOIN participant p ON p.session_id = s.id AND p.id = k.participant_id`,
          [JSON.stringify([...senders.values()])],
        )
      : [];
    const rowOf = new Map(participantRows.map((r) => [r.participant_id, r]));

    // 3. The questions, FOR SHARE in id order: a close waits for this batch, or this batch sees it closed.
    const questionIds = [...new Set(fresh.map((i) => batch[i].payload.questionId))];
    const questionRows: BallotQuestion[] = questionIds.length
      ? await m.query(`SELECT ${QUESTION_COLUMNS} ${QUESTION_FROM} WHERE q.id = ANY($1::uuid[]) ORDER BY q.id FOR SHARE OF q`, [questionIds])
      : [];
    const questionOf = new Map(questionRows.map((q) => [q.id, q]));

    const admitted: { i: number; question: BallotQuestion; write: BallotWrite }[] = [];
    for (const i of fresh) {
      const { actor, payload } = batch[i];
      try {
        const row = rowOf.get(actor.participantId);
        const current = currentActor(actor, row);
        const { question, value } = admitBallot(questionOf.get(payload.questionId), current, payload, row?.state ?? '');
        admitted.push({ i, question, write: { questionId: question.id, participantId: actor.participantId, anonymity: question.anonymity, value } });
      } catch (error) {
        refuse(i, error);
      }
    }

    // 4. The ballots and their stored results; a refused command's claim is given back.
    const written = admitted.length ? await this.ballots.castMany(m, admitted.map((a) => a.write)) : [];
    const recorded: { i: number; receipt: BallotReceipt; write: BallotWrite }[] = [];
    for (const [k, { i, question, write }] of admitted.entries()) {
      const replaced = written[k];
      if (replaced instanceof AppError) refuse(i, replaced);
      else recorded.push({ i, write, receipt: { activityId: question.activity_id, questionId: question.id, replaced } });
    }
    if (recorded.length > 0) {
      await m.query(
        `UPDATE processed_op o SET result = r.result FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid, result jsonb)
          WHERE o.participant_id = r.participant_id AND o.op_id = r.op_id`,
        [JSON.stringify(recorded.map(({ i, receipt }) => ({ ...ops[i], result: receipt })))],
      );
    }
    const refused = fresh.filter((i) => outcomes[i]?.ok === false);
    if (refused.length > 0) {
      await m.query(
        `DELETE FROM processed_op o USING jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid)
          WHERE o.participant_id = r.participant_id AND o.op_id = r.op_id`,
        [JSON.stringify(refused.map((i) => ops[i]))],
      );
    }

    // 5. The events, emitted after the commit. The version is read last, as late as Tx.publish reads it for one ballot:
    // a member's client drops a `ballot.recorded` older than the snapshot it holds.
    const sessionIds = [...new Set(recorded.map(({ i }) => batch[i].actor.sessionId))];
    if (sessionIds.length > 0) {
      const versions: { id: string; version: number }[] = await m.query('SELECT id, version FROM session WHERE id = ANY($1::uuid[])', [sessionIds]);
      for (const v of versions) tx.knowVersion(v.id, v.version);
    }
    for (const { i, receipt, write } of recorded) {
      const { actor } = batch[i];
      await tx.publish('ballot.recorded', actor.sessionId, { activityId: receipt.activityId, questionId: receipt.questionId, value: write.value }, { room: rooms.participant(actor.participantId) });
      outcomes[i] = { ok: true, receipt };
    }
    return outcomes.map((o) => {
      if (!o) throw new Error('ballot batch: a command without outcome');
      return o;
    });
  }

  /** Closing the app: the queued ballots are written (or refused) before the database goes. */
  async onModuleDestroy(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_ON_CLOSE_MS);
      this.onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
