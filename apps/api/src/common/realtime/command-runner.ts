import { Injectable, Logger } from '@nestjs/common';
import { COMMANDS, type Ack, type CommandName, type CommandPayload, type CommandResult, type Locale } from '@palabre/contracts';
import { canSend, isSessionWritable } from '@palabre/domain';
import type { ParticipantActor } from '../auth/actor';
import { AppError, toAppError } from '../errors/app-error';
import { parseWith } from '../validation';
import type { LiveSocket } from './live-socket';
import { TransactionRunner, type Tx } from './transaction';

export interface CommandContext<C extends CommandName> {
  actor: ParticipantActor;
  payload: CommandPayload<C>;
  tx: Tx;
  /** The session row as locked-free read at the start of the command. */
  sessionState: string;
}

export type CommandHandler<C extends CommandName> = (ctx: CommandContext<C>) => Promise<CommandResult<C>>;

/**
 * Every socket command goes through here: rate limit, role, schema, session state,
 * opId idempotency (stored in the same transaction as the effect), then the use case.
 * The answer is always an ack envelope; nothing is thrown back to socket.io.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('Command');

  constructor(private readonly transactions: TransactionRunner) {}

  async run<C extends CommandName>(socket: LiveSocket, name: C, raw: unknown, handler: CommandHandler<C>): Promise<Ack<CommandResult<C>>> {
    const actor = socket.data.actor;
    const locale: Locale = socket.handshake.auth?.locale === 'en' ? 'en' : 'fr';
    try {
      if (!socket.data.bucket.take()) throw new AppError('RATE_LIMITED');
      if (!canSend(name, actor.role)) throw new AppError('FORBIDDEN');
      const payload = parseWith(COMMANDS[name].payload, raw) as CommandPayload<C>;
      const data = await this.execute(actor, name, payload, handler);
      return { ok: true, data };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') this.logger.error(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
      return { ok: false, error: appError.toBody(locale) };
    }
  }

  /** Also used by tests and REST twins of commands. */
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
        if (rows[0]?.command !== name) throw new AppError('CONFLICT');
        return rows[0].result;
      }
      const session: { state: string; revoked: boolean; blocked: boolean; group_id: string | null }[] = await tx.manager.query(
        `SELECT s.state, p.revoked_at IS NOT NULL AS revoked, p.blocked_at IS NOT NULL AS blocked, p.group_id
           FROM session s JOIN participant p ON p.session_id = s.id WHERE s.id = $1 AND p.id = $2`,
        [actor.sessionId, actor.participantId],
      );
      if (!session[0]) throw new AppError('SESSION_NOT_FOUND');
      if (session[0].revoked) throw new AppError('TOKEN_REVOKED');
      if (!isSessionWritable(session[0].state as never)) throw new AppError('SESSION_READ_ONLY');
      // The socket's actor was read at the handshake; a move to another group since then counts now.
      const current: ParticipantActor = { ...actor, groupId: session[0].group_id, blocked: session[0].blocked };
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
