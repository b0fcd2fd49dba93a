import { Injectable, Logger } from '@nestjs/common';
import { COMMANDS, type Ack, type CommandName, type CommandPayload, type CommandResult } from '@palabre/contracts';
import { canSend, isSessionWritable } from '@palabre/domain';
import type { ParticipantActor } from '../auth/actor';
import { AppError, toAppError } from '../errors/app-error';
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
 * Every socket command goes through here (after the dispatcher's rate limit): role, schema, session state,
 * opId idempotency (stored in the same transaction as the effect), then the use case.
 * The answer is always an ack envelope; nothing is thrown back to socket.io.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('Command');

  constructor(private readonly transactions: TransactionRunner) {}

  run<C extends CommandName>(socket: LiveSocket, name: C, raw: unknown, handler: CommandHandler<C>): Promise<Ack<CommandResult<C>>> {
    return this.answer(socket, name, raw, (actor, payload) => this.execute(actor, name, payload, handler));
  }

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

  /** Also used by tests, REST twins of commands and the ballot batcher's fallback. */
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

/** The answer to a resent opId: the stored result, unless that opId was used for another command. */
export function storedResult<C extends CommandName>(row: { command: string; result: unknown } | undefined, name: C): CommandResult<C> {
  if (row?.command !== name) throw new AppError('CONFLICT');
  return row.result as CommandResult<C>;
}
