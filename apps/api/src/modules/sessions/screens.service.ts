import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, type Repository } from 'typeorm';
import type { JoinResponse, ScreenPairing as ScreenPairingView, ScreenPairingStatus } from '@palabre/contracts';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/realtime/transaction';
import { JoinThrottle } from './join-throttle';
import { Participant, ScreenPairing } from './participant.entity';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

/** A pairing code lives this long on the projector; the page asks for a new one after. */
const PAIRING_TTL_MS = 10 * 60_000;
// As join codes: no 0/O, 1/I/L, read from across the room.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Projector screens are issued by staff, never self-issued: a projector page shows a short
 * pairing code that a facilitator approves in the console, or a signed-in staff browser opens
 * the projector directly. Either way the screen is a participant with the role `observer`, and
 * sees what every screen of the session sees (rooms and snapshots as for that role).
 */
@Injectable()
export class ScreensService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsService,
    private readonly throttle: JoinThrottle,
  ) {}

  async startPairing(address?: string): Promise<ScreenPairingView> {
    if (address) this.throttle.address(address);
    const repo = this.db.getRepository(ScreenPairing);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    const expiresAt = new Date(Date.now() + PAIRING_TTL_MS);
    for (;;) {
      const code = `${pick(3)}-${pick(3)}`;
      if (await repo.existsBy({ code })) continue;
      const pairing = await repo.save(repo.create({ code, expiresAt, participantId: null }));
      return { pairingId: pairing.id, code, expiresAt: expiresAt.toISOString() };
    }
  }

  /** The projector's poll: once approved, its token is given once and the pairing is gone. */
  async status(pairingId: string): Promise<ScreenPairingStatus> {
    return this.transactions.run(async (tx) => {
      const repo = tx.manager.getRepository(ScreenPairing);
      const pairing = await repo.findOne({ where: { id: pairingId }, lock: { mode: 'pessimistic_write' } });
      if (!pairing || pairing.expiresAt.getTime() < Date.now()) throw new AppError('PAIRING_INVALID');
      if (!pairing.participantId) return { state: 'waiting' as const };
      await repo.delete(pairing.id);
      const screen = await tx.manager.getRepository(Participant).findOneByOrFail({ id: pairing.participantId });
      const session = await tx.manager.getRepository(Session).findOneByOrFail({ id: screen.sessionId });
      return { state: 'paired' as const, auth: await this.sessions.joinResponse(screen, session, tx.manager) };
    });
  }

  /** A facilitator approves the code a projector shows: that page becomes a screen of the session. */
  async approve(sessionId: string, code: string): Promise<{ participantId: string }> {
    return this.transactions.run(async (tx) => {
      const session = await tx.manager.getRepository(Session).findOneBy({ id: sessionId });
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      assertScreenable(session);
      const repo = tx.manager.getRepository(ScreenPairing);
      const pairing = await repo.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!pairing || pairing.participantId || pairing.expiresAt.getTime() < Date.now()) throw new AppError('PAIRING_INVALID');
      const screen = await this.newScreen(tx.manager.getRepository(Participant), sessionId);
      await repo.update(pairing.id, { participantId: screen.id });
      await tx.audit(sessionId, 'screen.paired', null, { participantId: screen.id });
      return { participantId: screen.id };
    });
  }

  /** A projector opened from a signed-in staff browser gets its screen token at once. */
  async open(sessionId: string): Promise<JoinResponse> {
    return this.transactions.run(async (tx) => {
      const session = await tx.manager.getRepository(Session).findOneBy({ id: sessionId });
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      assertScreenable(session);
      const screen = await this.newScreen(tx.manager.getRepository(Participant), sessionId);
      await tx.audit(sessionId, 'screen.opened', null, { participantId: screen.id });
      return this.sessions.joinResponse(screen, session, tx.manager);
    });
  }

  private newScreen(repo: Repository<Participant>, sessionId: string): Promise<Participant> {
    return repo.save(repo.create({ sessionId, displayName: 'Écran', role: 'observer', joinedAt: new Date() }));
  }
}

function pick(n: number): string {
  return Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A screen may still show a closed session's results; a sealed one gains no participant. */
function assertScreenable(session: Session): void {
  if (session.state === 'archived') throw new AppError('SESSION_READ_ONLY');
}
