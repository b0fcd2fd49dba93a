import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { BallotChannel, BallotReceipt, CommandPayload } from '@palabre/contracts';
import { DataSource } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError, toAppError } from '../../common/errors/app-error';
import { executeMany, LATER, storeResults, type Admitted, type Outcome } from '../../common/commands/command-runner';
import { rooms } from '../../common/live/rooms';
import { TransactionRunner, type Tx } from '../../common/db/transaction';
import { receiptCode, rollCallAnswerRefusal } from '@palabre/domain';
import { BallotMixer } from './ballot-mixer';
import { ballotsRepository } from './ballots.repository';
import { admitBallot, BallotsService, type AnonymousAdmitted, type BallotQuestion, type BallotWrite } from './ballots.service';
import { LiveResultsService } from './live-results.service';

/** Ballots written in one transaction at most. */
export const MAX_BATCH = 500;
/** Ballots waiting beyond this are refused at once (retryable) rather than held in memory. */
export const MAX_QUEUED = 10_000;
/** How long closing the app waits for queued ballots to be written. */
const DRAIN_ON_CLOSE_MS = 5_000;
/** How long closing the app then leaves the acks of the last batch to leave. */
const ACK_FLUSH_MS = 100;

type Cast = CommandPayload<'ballot.cast'>;

/** A ballot cast from the console for a present member who asked for help (`ballot.assist`). */
export interface Assisted {
  memberId: string;
  /** A roll-call answer (`rollcall.answer`): the roll must be started, and only an earlier answer of the roll is replaced. */
  rollCall?: boolean;
}

interface Pending {
  actor: ParticipantActor;
  payload: Cast;
  /** Set for `ballot.assist`: the member the facilitator (the actor) casts for. */
  assisted?: Assisted;
  /** (participant, question) and (participant, opId): one command per key in flight at a time. */
  keys: [string, string];
  resolve(receipt: BallotReceipt): void;
  reject(error: unknown): void;
}

/** What the mixer answered for one anonymous ballot: `replaced`, or its refusal. */
interface MixResult {
  item: Pending;
  admitted: AnonymousAdmitted;
  replaced?: boolean;
  error?: unknown;
}

/**
 * The only write path of `ballot.cast`. Commands that passed the immediate checks (rate limit,
 * role, schema: CommandRunner.answer) wait here and are written in batches, one transaction per
 * batch (`executeMany`: opId claims, stored results and released claims) with multi-row
 * statements, a few batches in flight at most: under a burst ballots wait in this queue, not in
 * the pool's 5 s connection wait. A lone ballot is a batch of one.
 *
 * A batch holds at most one command per (participant, question) and per (participant, opId),
 * and a key in flight (until its command is answered, mixing included) holds back later
 * commands with that key, so a vote change lands after the vote it changes and a resent op
 * finds the first one's stored result.
 *
 * Anonymous ballots (docs/decisions.md, "Secret ballots"): the batch writes the receipt (who voted), checked
 * against the voter token; the ballot (what was voted) goes to BallotMixer, which writes it in
 * another transaction, shuffled with others; the ack waits for that commit.
 */
@Injectable()
export class BallotBatcher implements OnModuleDestroy {
  private readonly logger = new Logger('BallotBatcher');
  private queue: Pending[] = [];
  private readonly busy = new Set<string>();
  private inFlight = 0;
  /** Anonymous ballots handed to the mixer and not yet answered. */
  private mixing = 0;
  /** Anonymous ballots the mixer has answered, waiting for their acks to be stored. */
  private acks: MixResult[] = [];
  private scheduled = false;
  private onIdle?: () => void;
  /** A quarter of the pool, between 1 and 4: the rest stays for every other request. */
  readonly maxInFlight: number;
  /** Counters for tests and diagnostics: batches committed, their commands, the largest, batches split into batches of one. */
  readonly stats = { batches: 0, commands: 0, largest: 0, fallbacks: 0 };

  constructor(
    db: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly ballots: BallotsService,
    private readonly results: LiveResultsService,
    private readonly mixer: BallotMixer,
  ) {
    const pool = (db.options as { extra?: { max?: number } }).extra?.max ?? 10;
    this.maxInFlight = Math.min(4, Math.max(1, Math.floor(pool / 4)));
  }

  /** Commands waiting in the queue (not yet in a batch): the limit is MAX_QUEUED. */
  get queued(): number {
    return this.queue.length;
  }

  /** Commands taken into batches and not yet answered (writing, or mixing). */
  get answering(): number {
    return this.busy.size / 2;
  }

  /**
   * Queue a validated command; resolves with its receipt once committed, or rejects with its
   * refusal. Every channel comes here: a member's own ballot, a proxy holder's ballot for a
   * represented member (`payload.forMemberId`), and a facilitator's assisted ballot (`assisted`).
   * The (voter, question) key is the represented member's: one command per ballot in flight.
   */
  cast(actor: ParticipantActor, payload: Cast, assisted?: Assisted): Promise<BallotReceipt> {
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(new AppError('DATABASE_UNAVAILABLE'));
    return new Promise((resolve, reject) => {
      const voter = assisted?.memberId ?? payload.forMemberId ?? actor.participantId;
      this.queue.push({ actor, payload, assisted, keys: [`${voter}:q:${payload.questionId}`, `${actor.participantId}:op:${payload.opId}`], resolve, reject });
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
        this.inFlight--;
        this.drain();
      });
    }
    if (this.inFlight === 0 && this.queue.length === 0 && this.mixing === 0) this.onIdle?.();
  }

  /** A command is answered: its keys are free for the commands held back behind it. */
  private settle(item: Pending, outcome: { ok: true; data: BallotReceipt } | { ok: false; error: unknown }): void {
    for (const key of item.keys) this.busy.delete(key);
    if (outcome.ok) item.resolve(outcome.data);
    else item.reject(outcome.error);
    this.drain();
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
    const later = new Map<number, AnonymousAdmitted>();
    let outcomes: Outcome<BallotReceipt>[];
    try {
      outcomes = await this.transactions.run((tx) => {
        later.clear(); // a retried transaction starts again
        return executeMany(tx, 'ballot.cast', batch, (t, admitted) => this.write(t, admitted.map((a) => ({ ...a, assisted: batch[a.index].assisted })), later));
      });
    } catch (error) {
      if (batch.length === 1 || (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE')) {
        for (const item of batch) this.settle(item, { ok: false, error });
        return;
      }
      // A unique violation raced by another node (CONFLICT), or anything unexpected: one bad command must not sink the others.
      this.stats.fallbacks++;
      this.logger.warn(`batch of ${batch.length} ballots failed (${error instanceof AppError ? error.code : String(error)}), writing them in batches of one`);
      for (const item of batch) await this.process([item]);
      return;
    }
    this.stats.batches++;
    this.stats.commands += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    const touched = new Set<string>();
    const anonymous: { item: Pending; admitted: AnonymousAdmitted }[] = [];
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok === 'later') anonymous.push({ item, admitted: later.get(i)! });
      else {
        if (outcome.ok) touched.add(outcome.data.questionId);
        this.settle(item, outcome);
      }
    });
    for (const questionId of touched) this.results.mark(questionId);
    if (anonymous.length > 0) {
      this.mixing += anonymous.length;
      for (const a of anonymous) {
        this.mixer.add({ questionId: a.item.payload.questionId, commitment: a.admitted.commitment, value: a.admitted.value }).then(
          (replaced) => this.mixed({ ...a, replaced }),
          (error: unknown) => this.mixed({ ...a, error }),
        );
      }
    }
  }

  /**
   * The use case for the admitted commands of a batch (executeMany has claimed their opIds and
   * checked their senders): the questions FOR SHARE in id order (a close waits for this batch,
   * or this batch sees it closed), `admitBallot` for each, the ballots, the voters' events. An
   * anonymous ballot only gets its receipt here: it answers LATER, and `later` gets its commitment.
   */
  private async write(tx: Tx, admitted: (Admitted<'ballot.cast'> & { assisted?: Assisted })[], later: Map<number, AnonymousAdmitted>): Promise<(BallotReceipt | AppError | typeof LATER)[]> {
    const m = tx.manager;
    const answers: (BallotReceipt | AppError | typeof LATER | undefined)[] = admitted.map(() => undefined);
    const questionIds = [...new Set(admitted.map((a) => a.payload.questionId))];
    const questionRows = await ballotsRepository.lockQuestions(m, questionIds);
    const questionOf = new Map(questionRows.map((q) => [q.id, q]));
    // Proxy and assisted ballots: the member they are cast for, checked as that member (eligibility, group).
    const voters = await voterActors(m, admitted);
    const rolls = await rollCallChecks(m, admitted);

    const writes: { k: number; question: BallotQuestion; write: BallotWrite; castBy: ParticipantActor | null }[] = [];
    admitted.forEach(({ actor, payload, sessionState, assisted }, k) => {
      try {
        const voter = voters.get(k);
        if (voter instanceof AppError) throw voter;
        const roll = rolls.get(k);
        if (roll) throw roll;
        const channel: BallotChannel = assisted ? 'assisted' : voter ? 'proxy' : 'device';
        const member = voter ?? actor;
        const { question, value } = admitBallot(questionOf.get(payload.questionId), member, payload, sessionState);
        writes.push({
          k,
          question,
          castBy: voter ? actor : null,
          write: { questionId: question.id, activityId: question.activity_id, participantId: member.participantId, anonymity: question.anonymity, value, secret: payload.ballotSecret, channel, castBy: voter ? actor.participantId : null, rollCall: assisted?.rollCall === true },
        });
      } catch (error) {
        answers[k] = toAppError(error);
      }
    });

    const written = writes.length ? await this.ballots.castMany(m, writes.map((w) => w.write)) : [];
    const recorded: { k: number; receipt: BallotReceipt; write: BallotWrite }[] = [];
    for (const [n, { k, question, write, castBy }] of writes.entries()) {
      const replaced = written[n];
      if (replaced instanceof AppError) {
        answers[k] = replaced;
        continue;
      }
      // Ballots cast for someone else are audited (who, for whom, which question: never the value). Few: not the hot path.
      if (castBy) {
        const rollCall = admitted[k].assisted?.rollCall === true;
        const action = rollCall ? 'ballot.rollcall' : `ballot.${write.channel}`;
        await tx.audit(castBy.sessionId, action, castBy.participantId, { questionId: write.questionId, memberId: write.participantId, ...(write.channel === 'assisted' && !rollCall ? { consent: true } : {}) });
      }
      if (typeof replaced === 'object') {
        answers[k] = LATER;
        later.set(admitted[k].index, replaced);
      } else recorded.push({ k, write, receipt: { activityId: question.activity_id, questionId: question.id, replaced } });
    }

    // The events, emitted after the commit. The version is read once per session, as late as Tx.publish reads it:
    // a member's client drops a `ballot.recorded` older than the snapshot it holds.
    await this.knowVersions(tx, recorded.map(({ k }) => admitted[k].actor.sessionId));
    for (const { k, receipt, write } of recorded) {
      const { actor } = admitted[k];
      // A proxy holder's phone shows the ballot under the represented member; an assisted member's own phone shows theirs.
      const forMember = write.channel === 'proxy' ? { forMemberId: write.participantId } : {};
      const room = write.channel === 'assisted' ? rooms.participant(write.participantId) : rooms.participant(actor.participantId);
      await tx.publish('ballot.recorded', actor.sessionId, { activityId: receipt.activityId, questionId: receipt.questionId, value: write.value, ...forMember }, { room });
      answers[k] = receipt;
    }
    return answers.map((a) => {
      if (!a) throw new Error('ballot batch: a command without answer');
      return a;
    });
  }

  private async knowVersions(tx: Tx, sessions: string[]): Promise<void> {
    const sessionIds = [...new Set(sessions)];
    if (sessionIds.length === 0) return;
    const versions = await ballotsRepository.sessionVersions(tx.manager, sessionIds);
    for (const v of versions) tx.knowVersion(v.id, v.version);
  }

  /** Anonymous ballots answered by the mixer in the same turn (one mixing batch) are acknowledged together. */
  private mixed(result: MixResult): void {
    this.acks.push(result);
    if (this.acks.length > 1) return;
    setImmediate(() => {
      const results = this.acks;
      this.acks = [];
      void this.acknowledge(results).finally(() => {
        this.mixing -= results.length;
        this.drain();
      });
    });
  }

  /**
   * Anonymous ballots whose mixing batch is settled. One transaction stores their acks
   * (`storeResults`), gives back the receipts of first ballots the mixer refused (the question
   * closed meanwhile) and sends each voter their receipt code; then the acks go out.
   */
  private async acknowledge(results: MixResult[]): Promise<void> {
    const done: { item: Pending; receipt: BallotReceipt; code: string }[] = [];
    const refused: { item: Pending; error: unknown; release: boolean }[] = [];
    for (const r of results) {
      if (r.error === undefined) done.push({ item: r.item, code: receiptCode(r.admitted.commitment), receipt: { activityId: r.admitted.activityId, questionId: r.item.payload.questionId, replaced: r.replaced ?? false } });
      else refused.push({ item: r.item, error: r.error, release: r.admitted.freshReceipt && r.error instanceof AppError && r.error.code === 'VOTING_CLOSED' });
    }
    const voterOf = (item: Pending) => item.assisted?.memberId ?? item.payload.forMemberId ?? item.actor.participantId;
    try {
      await this.transactions.run(async (tx) => {
        await storeResults(tx, 'ballot.cast', done.map(({ item, receipt }) => ({ participantId: item.actor.participantId, opId: item.payload.opId, result: receipt })));
        const release = refused.filter((r) => r.release);
        if (release.length > 0) {
          await ballotsRepository.deleteReceipts(tx.manager, release.map(({ item }) => ({ question_id: item.payload.questionId, participant_id: voterOf(item) })));
        }
        await this.knowVersions(tx, done.map(({ item }) => item.actor.sessionId));
        // To the voter only, and only the receipt code: never the value with the voter.
        for (const { item, receipt, code } of done) {
          const forMember = item.payload.forMemberId ? { forMemberId: item.payload.forMemberId } : {};
          await tx.publish('ballot.recorded', item.actor.sessionId, { activityId: receipt.activityId, questionId: receipt.questionId, receipt: code, ...forMember }, { room: rooms.participant(item.actor.participantId) });
        }
      });
    } catch (error) {
      // The ballots are durable: the acks stand. A resend finds no stored result and writes the same commitment again (counted once).
      this.logger.warn(`anonymous acks not stored (${error instanceof AppError ? error.code : 'unexpected'})`);
    }
    for (const { item, receipt } of done) this.settle(item, { ok: true, data: receipt });
    for (const { item, error } of refused) this.settle(item, { ok: false, error });
    for (const questionId of new Set(done.map(({ receipt }) => receipt.questionId))) this.results.mark(questionId);
  }

  /** Closing the app: the queued ballots are written (or refused) before the database goes. */
  async onModuleDestroy(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0 && this.mixing === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_ON_CLOSE_MS);
      this.onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    // The last acks are on their way out (a socket sends its buffered packets over a few I/O
    // turns): give them a moment before the sockets close, or those members resend for nothing.
    await new Promise((r) => setTimeout(r, ACK_FLUSH_MS));
  }
}

/**
 * For each admitted command cast for someone else, that member as a voter (or the refusal): a
 * proxy holder must hold a live proxy of the member (session proxies enabled, not lapsed nor
 * revoked; read FOR SHARE so a lapse waits for this batch), and an assisted member must be a
 * member of the session not represented by a proxy. Own ballots are absent from the map.
 */
async function voterActors(m: Tx['manager'], admitted: readonly (Admitted<'ballot.cast'> & { assisted?: Assisted })[]): Promise<Map<number, ParticipantActor | AppError>> {
  const voters = new Map<number, ParticipantActor | AppError>();
  const wanted = admitted.flatMap((a, k) => {
    const memberId = a.assisted?.memberId ?? a.payload.forMemberId;
    return memberId ? [{ k, memberId, holderId: a.assisted ? null : a.actor.participantId, sessionId: a.actor.sessionId }] : [];
  });
  if (wanted.length === 0) return voters;
  const rows = await ballotsRepository.lockVoters(m, [...new Set(wanted.map((w) => w.memberId))]);
  const byId = new Map(rows.map((r) => [r.member_id, r]));
  for (const w of wanted) {
    const row = byId.get(w.memberId);
    const actor = admitted[w.k].actor;
    if (!row || row.session_id !== w.sessionId) voters.set(w.k, new AppError(w.holderId ? 'PROXY_NOT_HELD' : 'NOT_FOUND'));
    else if (w.holderId && row.proxy_holder !== w.holderId) voters.set(w.k, new AppError('PROXY_NOT_HELD'));
    else if (!w.holderId && row.proxy_holder !== null) voters.set(w.k, new AppError('ASSIST_NOT_PRESENT'));
    else voters.set(w.k, { ...actor, participantId: row.member_id, role: 'member', displayName: row.display_name, groupId: row.group_id, blocked: false, verified: row.verified });
  }
  return voters;
}

/**
 * Roll-call answers of a batch (`assisted.rollCall`): the refusal of each that may not be written
 * (the roll is not started on the question, or the member already voted another way: libs/domain
 * `rollCallAnswerRefusal`). Roll calls are for named questions, so the `ballot` rows say how each voted.
 */
async function rollCallChecks(m: Tx['manager'], admitted: readonly (Admitted<'ballot.cast'> & { assisted?: Assisted })[]): Promise<Map<number, AppError>> {
  const refusals = new Map<number, AppError>();
  const calls = admitted.flatMap((a, k) => (a.assisted?.rollCall ? [{ k, questionId: a.payload.questionId, memberId: a.assisted.memberId }] : []));
  if (calls.length === 0) return refusals;
  const started = await ballotsRepository.rollCallsStarted(m, [...new Set(calls.map((c) => c.questionId))]);
  const existing = await ballotsRepository.namedChannelsOf(m, calls.map((c) => ({ question_id: c.questionId, participant_id: c.memberId })));
  const open = new Set(started.map((r) => r.question_id));
  const channels = new Map(existing.map((r) => [`${r.question_id}:${r.participant_id}`, r.channel]));
  for (const c of calls) {
    const refusal = open.has(c.questionId) ? rollCallAnswerRefusal(channels.get(`${c.questionId}:${c.memberId}`)) : 'ROLLCALL_NOT_STARTED';
    if (refusal) refusals.set(c.k, new AppError(refusal));
  }
  return refusals;
}
