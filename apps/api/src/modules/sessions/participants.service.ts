import { Injectable } from '@nestjs/common';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { Participant } from './participant.entity';

@Injectable()
export class ParticipantsService {
  constructor(private readonly emitter: RealtimeEmitter) {}

  /**
   * Removes a participant from the session. The token check reads revoked_at on every REST call and
   * handshake; the live sockets are told, then disconnected once the commit is done.
   */
  async revoke(tx: Tx, actor: ParticipantActor, participantId: string): Promise<{ participantId: string }> {
    const repo = tx.manager.getRepository(Participant);
    const target = await repo.findOneBy({ id: participantId, sessionId: actor.sessionId });
    if (!target) throw new AppError('NOT_FOUND');
    if (target.id === actor.participantId) throw new AppError('INVALID_TRANSITION');
    if (!target.revokedAt) {
      await repo.update(target.id, { revokedAt: new Date() });
      await tx.audit(actor.sessionId, 'participant.revoked', actor.participantId, { participantId: target.id });
      await tx.publish('participant.revoked', actor.sessionId, { participantId: target.id }, { room: rooms.participant(target.id) });
      tx.afterCommit(() => this.emitter.disconnectParticipant(rooms.participant(target.id)));
    }
    return { participantId: target.id };
  }
}
