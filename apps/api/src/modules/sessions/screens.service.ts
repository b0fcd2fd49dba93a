import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { JoinResponse, ScreenPairing as ScreenPairingView, ScreenPairingStatus } from '@palabre/contracts';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/db/transaction';
import { JoinThrottle } from './join-throttle';
import type { Participant } from './participant.entities';
import type { Session } from './session.entity';
import { sessionsRepository } from './sessions.repository';
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
    await sessionsRepository.deleteExpiredPairings(this.db.manager, new Date());
    const expiresAt = new Date(Date.now() + PAIRING_TTL_MS);
    for (;;) {
      const code = `${pick(3)}-${pick(3)}`;
      if (await sessionsRepository.pairingCodeTaken(this.db.manager, code)) continue;
      const pairing = await sessionsRepository.insertPairing(this.db.manager, { code, expiresAt, participantId: null });
      return { pairingId: pairing.id, code, expiresAt: expiresAt.toISOString() };
    }
  }

  /** The projector's poll: once approved, its token is given once and the pairing is gone. */
  async status(pairingId: string): Promise<ScreenPairingStatus> {
    return this.transactions.run(async (tx) => {
      const pairing = await sessionsRepository.lockPairing(tx.manager, { id: pairingId });
      if (!pairing || pairing.expiresAt.getTime() < Date.now()) throw new AppError('PAIRING_INVALID');
      if (!pairing.participantId) return { state: 'waiting' as const };
      await sessionsRepository.deletePairing(tx.manager, pairing.id);
      const screen = await sessionsRepository.participantOrFail(tx.manager, pairing.participantId);
      const session = await sessionsRepository.sessionOrFail(tx.manager, screen.sessionId);
      return { state: 'paired' as const, auth: await this.sessions.joinResponse(screen, session, tx.manager) };
    });
  }

  /** A facilitator approves the code a projector shows: that page becomes a screen of the session. */
  async approve(sessionId: string, code: string): Promise<{ participantId: string }> {
    return this.transactions.run(async (tx) => {
      const session = await sessionsRepository.session(tx.manager, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      assertScreenable(session);
      const pairing = await sessionsRepository.lockPairing(tx.manager, { code });
      if (!pairing || pairing.participantId || pairing.expiresAt.getTime() < Date.now()) throw new AppError('PAIRING_INVALID');
      const screen = await this.newScreen(tx.manager, sessionId);
      await sessionsRepository.pairScreen(tx.manager, pairing.id, screen.id);
      await tx.audit(sessionId, 'screen.paired', null, { participantId: screen.id });
      return { participantId: screen.id };
    });
  }

  /** A projector opened from a signed-in staff browser gets its screen token at once. */
  async open(sessionId: string): Promise<JoinResponse> {
    return this.transactions.run(async (tx) => {
      const session = await sessionsRepository.session(tx.manager, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      assertScreenable(session);
      const screen = await this.newScreen(tx.manager, sessionId);
      await tx.audit(sessionId, 'screen.opened', null, { participantId: screen.id });
      return this.sessions.joinResponse(screen, session, tx.manager);
    });
  }

  private newScreen(manager: EntityManager, sessionId: string): Promise<Participant> {
    return sessionsRepository.insertParticipant(manager, { sessionId, displayName: 'Écran', role: 'observer', joinedAt: new Date() });
  }
}

function pick(n: number): string {
  return Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A screen may still show a closed session's results; a sealed one gains no participant. */
function assertScreenable(session: Session): void {
  if (session.state === 'archived') throw new AppError('SESSION_READ_ONLY');
}
