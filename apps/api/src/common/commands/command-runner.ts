import { Injectable, Logger } from '@nestjs/common';
import { COMMANDS, type Ack, type CommandName, type CommandPayload, type CommandResult } from '@palabre/contracts';
import { canSend, isSessionWritable } from '@palabre/domain';
import type { ParticipantActor } from '../auth/actor';
import { AppError, toAppError } from '../errors/app-error';
import { parseWith } from '../validation';
import { socketLocale, type LiveSocket } from '../live/live-socket';
import { processedOpRepository } from '../idempotency/processed-op.repository';
import { sessionStateRepository, type ParticipantRow } from '../db/session-state.repository';
import { TransactionRunner, type Tx } from '../db/transaction';

export interface CommandContext<C extends CommandName> {
  actor: ParticipantActor;
  payload: CommandPayload<C>;
  tx: Tx;
  /** The session row as locked-free read at the start of the command. */
  sessionState: string;
}

export type CommandHandler<C extends CommandName> = (ctx: CommandContext<C>) => Promise<CommandResult<C>>;

/**
 * The sender may still write in its session: returns the actor as it is now (group and block
 * status from the row), or throws the refusal. Shared by every command path.
 */
export function currentActor(actor: ParticipantActor, row: ParticipantRow | undefined): ParticipantActor {
  if (!row) throw new AppError('SESSION_NOT_FOUND');
  if (row.revoked) throw new AppError('TOKEN_REVOKED');
  if (!isSessionWritable(row.state as never)) throw new AppError('SESSION_READ_ONLY');
  // The socket's actor was read at the handshake; a move to another group since then counts now.
  return { ...actor, groupId: row.group_id, blocked: row.blocked, verified: row.verified };
}

/**
 * The steps the CommandDispatcher runs for every socket command after its rate limit: role and
 * schema (`answer`), then session state and opId idempotency (stored in the same transaction as
 * the effect) around the use case (`execute`). The answer is always an ack envelope; nothing is
 * thrown back to socket.io.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('Command');

  constructor(private readonly transactions: TransactionRunner) {}

  /**
   * The checks every command passes at once (role, payload schema), then `perform`
   * (one transaction, or a batch: see BallotBatcher); its outcome or refusal as an ack.
   */
  async answer<C extends CommandName>(
    socket: LiveSocket,
    name: C,
    raw: unknown,
    perform: (actor: ParticipantActor, payload: CommandPayload<C>) => Promise<CommandResult<C>>,
  ): Promise<Ack<CommandResult<C>>> {
    const actor = socket.data.actor;
    const locale = socketLocale(socket);
    try {
      if (!canSend(name, actor.role)) throw new AppError('FORBIDDEN');
      const payload = parseWith(COMMANDS[name].payload, raw) as CommandPayload<C>;
      const data = await perform(actor, payload);
      return { ok: true, data };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') this.logger.error(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
      return { ok: false, error: appError.toBody(locale) };
    }
  }

  /** One command in its own transaction with its opId (the dispatcher; ballots go through `executeMany`, see BallotBatcher). */
  execute<C extends CommandName>(actor: ParticipantActor, name: C, payload: CommandPayload<C>, handler: CommandHandler<C>): Promise<CommandResult<C>> {
    const opId = (payload as { opId: string }).opId;
    return this.transactions.run(async (tx) => {
      // A concurrent duplicate blocks on this insert until the first commits, then sees the conflict.
      if (!(await processedOpRepository.claim(tx.manager, actor.participantId, opId, name))) {
        return storedResult(await processedOpRepository.stored(tx.manager, actor.participantId, opId), name);
      }
      const sender = await sessionStateRepository.sender(tx.manager, actor.sessionId, actor.participantId);
      const current = currentActor(actor, sender);
      const result = await handler({ actor: current, payload, tx, sessionState: (sender as ParticipantRow).state });
      await processedOpRepository.setResult(tx.manager, actor.participantId, opId, JSON.stringify(result ?? null));
      return result;
    });
  }
}

/**
 * One command's answer in a batch: its result, its refusal, or `later`: the handler finishes it
 * outside this transaction (anonymous ballots, see BallotBatcher); its claim is released here and
 * `storeResults` records its result once it is done.
 */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: AppError } | { ok: 'later' };

/** A handler's answer for a command it finishes after this transaction. */
export const LATER = Symbol('later');

/** A command of a batch that passed the sender checks: the actor as it is now, its index in the batch. */
export interface Admitted<C extends CommandName> {
  index: number;
  actor: ParticipantActor;
  payload: CommandPayload<C>;
  sessionState: string;
}

/**
 * A batch handler: for each admitted command, in order, its result or its refusal. A refused
 * command must have written nothing; throwing fails the whole batch (nothing is kept).
 */
export type BatchHandler<C extends CommandName> = (tx: Tx, admitted: Admitted<C>[]) => Promise<(CommandResult<C> | AppError | typeof LATER)[]>;

/**
 * `execute` for many commands of one kind in one transaction (a batch of one is the single
 * case): claim the opIds (a resent one answers its stored result), the senders' session rows
 * (`currentActor`), the handler, the results stored with their claims, and the claims of refused
 * commands released before the commit. Statements are multi-row; claims are taken in key order,
 * so a concurrent duplicate (another node) waits for the first to commit.
 */
export async function executeMany<C extends CommandName>(
  tx: Tx,
  name: C,
  batch: readonly { actor: ParticipantActor; payload: CommandPayload<C> }[],
  handler: BatchHandler<C>,
): Promise<Outcome<CommandResult<C>>[]> {
  const manager = tx.manager;
  const outcomes: (Outcome<CommandResult<C>> | undefined)[] = batch.map(() => undefined);
  const refuse = (i: number, error: unknown) => (outcomes[i] = { ok: false, error: toAppError(error) });
  const ops = batch.map((item) => ({ participant_id: item.actor.participantId, op_id: (item.payload as { opId: string }).opId }));

  // 1. The claims; a resent opId answers its stored result.
  const claimed = await processedOpRepository.claimMany(manager, ops, name);
  const mine = new Set(claimed.map((r) => `${r.participant_id}:${r.op_id}`));
  const resent = ops.flatMap((op, i) => (mine.has(`${op.participant_id}:${op.op_id}`) ? [] : [i]));
  if (resent.length > 0) {
    const stored = await processedOpRepository.storedMany(manager, resent.map((i) => ops[i]));
    const byKey = new Map(stored.map((r) => [`${r.participant_id}:${r.op_id}`, r]));
    for (const i of resent) {
      try {
        outcomes[i] = { ok: true, data: storedResult(byKey.get(`${ops[i].participant_id}:${ops[i].op_id}`), name) };
      } catch (error) {
        refuse(i, error);
      }
    }
  }
  const fresh = ops.flatMap((_, i) => (outcomes[i] ? [] : [i]));

  // 2. The senders: session state, revoked, moved to another group.
  const senders = new Map<string, { session_id: string; participant_id: string }>();
  for (const i of fresh) senders.set(batch[i].actor.participantId, { session_id: batch[i].actor.sessionId, participant_id: batch[i].actor.participantId });
  const rows = fresh.length ? await sessionStateRepository.senders(manager, [...senders.values()]) : [];
  const rowOf = new Map(rows.map((r) => [r.participant_id, r]));
  const admitted: Admitted<C>[] = [];
  for (const i of fresh) {
    const row = rowOf.get(batch[i].actor.participantId);
    try {
      admitted.push({ index: i, actor: currentActor(batch[i].actor, row), payload: batch[i].payload, sessionState: row?.state ?? '' });
    } catch (error) {
      refuse(i, error);
    }
  }

  // 3. The use case, then the results stored with their claims; a refused command's claim is released.
  const results = admitted.length ? await handler(tx, admitted) : [];
  const done: number[] = [];
  admitted.forEach(({ index }, k) => {
    const result = results[k];
    if (result instanceof AppError) refuse(index, result);
    else if (result === LATER) outcomes[index] = { ok: 'later' };
    else {
      outcomes[index] = { ok: true, data: result };
      done.push(index);
    }
  });
  if (done.length > 0) {
    await processedOpRepository.setResults(manager, done.map((i) => ({ ...ops[i], result: (outcomes[i] as { data: unknown }).data ?? null })));
  }
  const released = fresh.filter((i) => outcomes[i]?.ok !== true);
  if (released.length > 0) {
    await processedOpRepository.release(manager, released.map((i) => ops[i]));
  }
  return outcomes.map((o) => {
    if (!o) throw new Error(`${name} batch: a command without outcome`);
    return o;
  });
}

/**
 * The results of commands a batch answered `later`, once they are done (their own transaction):
 * a resent opId then answers this result. A claim taken meanwhile by a resend wins.
 */
export async function storeResults<C extends CommandName>(tx: Tx, name: C, done: readonly { participantId: string; opId: string; result: CommandResult<C> }[]): Promise<void> {
  if (done.length === 0) return;
  await processedOpRepository.insertResults(
    tx.manager,
    done.map((entry) => ({ participant_id: entry.participantId, op_id: entry.opId, result: entry.result ?? null })),
    name,
  );
}

/** The answer to a resent opId: the stored result, unless that opId was used for another command. */
export function storedResult<C extends CommandName>(row: { command: string; result: unknown } | undefined, name: C): CommandResult<C> {
  if (row?.command !== name) throw new AppError('CONFLICT');
  return row.result as CommandResult<C>;
}
