import { Injectable, Logger } from '@nestjs/common';
import { COMMANDS, type Ack, type CommandName, type CommandPayload, type CommandResult } from '@palabre/contracts';
import { canSend, isSessionWritable } from '@palabre/domain';
import type { ParticipantActor } from '../auth/actor';
import { AppError, toAppError } from '../errors/app-error';
import { returningRows } from '../../database/returning';
import { parseWith } from '../validation';
import { socketLocale, type LiveSocket } from './live-socket';
import { TransactionRunner, type Tx } from './transaction';

export interface CommandContext<C extends CommandName> {
  actor: ParticipantActor;
  payload: CommandPayload<C>;
  tx: Tx;
  /** The session row as locked-free read at the start of the command. */
  sessionState: string;
}

export type CommandHandler<C extends CommandName> = (ctx: CommandContext<C>) => Promise<CommandResult<C>>;

/** What a command needs to know about its sender's session and participant row, read in its transaction. */
export interface ParticipantRow {
  state: string;
  revoked: boolean;
  blocked: boolean;
  group_id: string | null;
  verified: boolean;
}

/** The columns of ParticipantRow, for queries joining `session s` and `participant p`. */
export const PARTICIPANT_COLUMNS = 's.state, p.revoked_at IS NOT NULL AS revoked, p.blocked_at IS NOT NULL AS blocked, p.group_id, p.member_id IS NOT NULL AS verified';

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
      const inserted: unknown[] = await tx.manager.query(
        'INSERT INTO processed_op (participant_id, op_id, command) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING op_id',
        [actor.participantId, opId, name],
      );
      if (inserted.length === 0) {
        const rows: { command: string; result: CommandResult<C> }[] = await tx.manager.query(
          'SELECT command, result FROM processed_op WHERE participant_id = $1 AND op_id = $2',
          [actor.participantId, opId],
        );
        return storedResult(rows[0], name);
      }
      const session: ParticipantRow[] = await tx.manager.query(
        `SELECT ${PARTICIPANT_COLUMNS} FROM session s JOIN participant p ON p.session_id = s.id WHERE s.id = $1 AND p.id = $2`,
        [actor.sessionId, actor.participantId],
      );
      const current = currentActor(actor, session[0]);
      const result = await handler({ actor: current, payload, tx, sessionState: session[0].state });
      await tx.manager.query('UPDATE processed_op SET result = $3 WHERE participant_id = $1 AND op_id = $2', [
        actor.participantId,
        opId,
        JSON.stringify(result ?? null),
      ]);
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
  const m = tx.manager;
  const outcomes: (Outcome<CommandResult<C>> | undefined)[] = batch.map(() => undefined);
  const refuse = (i: number, error: unknown) => (outcomes[i] = { ok: false, error: toAppError(error) });
  const ops = batch.map((item) => ({ participant_id: item.actor.participantId, op_id: (item.payload as { opId: string }).opId }));

  // 1. The claims; a resent opId answers its stored result.
  const claimed = returningRows<{ participant_id: string; op_id: string }>(
    await m.query(
      `INSERT INTO processed_op (participant_id, op_id, command)
       SELECT r.participant_id, r.op_id, $2 FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid)
        ORDER BY r.participant_id, r.op_id
       ON CONFLICT DO NOTHING RETURNING participant_id, op_id`,
      [JSON.stringify(ops), name],
    ),
  );
  const mine = new Set(claimed.map((r) => `${r.participant_id}:${r.op_id}`));
  const resent = ops.flatMap((op, i) => (mine.has(`${op.participant_id}:${op.op_id}`) ? [] : [i]));
  if (resent.length > 0) {
    const stored: { participant_id: string; op_id: string; command: string; result: unknown }[] = await m.query(
      `SELECT o.participant_id, o.op_id, o.command, o.result FROM processed_op o
         JOIN jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid) ON o.participant_id = r.participant_id AND o.op_id = r.op_id`,
      [JSON.stringify(resent.map((i) => ops[i]))],
    );
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
  const rows: (ParticipantRow & { participant_id: string })[] = fresh.length
    ? await m.query(
        `SELECT p.id AS participant_id, ${PARTICIPANT_COLUMNS}
           FROM jsonb_to_recordset($1::jsonb) AS k(session_id uuid, participant_id uuid)
           JOIN session s ON s.id = k.session_id JOIN participant p ON p.session_id = s.id AND p.id = k.participant_id`,
        [JSON.stringify([...senders.values()])],
      )
    : [];
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
    await m.query(
      `UPDATE processed_op o SET result = r.result FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid, result jsonb)
        WHERE o.participant_id = r.participant_id AND o.op_id = r.op_id`,
      [JSON.stringify(done.map((i) => ({ ...ops[i], result: (outcomes[i] as { data: unknown }).data ?? null })))],
    );
  }
  const released = fresh.filter((i) => outcomes[i]?.ok !== true);
  if (released.length > 0) {
    await m.query(
      `DELETE FROM processed_op o USING jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid)
        WHERE o.participant_id = r.participant_id AND o.op_id = r.op_id`,
      [JSON.stringify(released.map((i) => ops[i]))],
    );
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
  await tx.manager.query(
    `INSERT INTO processed_op (participant_id, op_id, command, result)
     SELECT r.participant_id, r.op_id, $2, r.result FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid, result jsonb)
      ORDER BY r.participant_id, r.op_id
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(done.map((d) => ({ participant_id: d.participantId, op_id: d.opId, result: d.result ?? null }))), name],
  );
}

/** The answer to a resent opId: the stored result, unless that opId was used for another command. */
export function storedResult<C extends CommandName>(row: { command: string; result: unknown } | undefined, name: C): CommandResult<C> {
  if (row?.command !== name) throw new AppError('CONFLICT');
  return row.result as CommandResult<C>;
}
