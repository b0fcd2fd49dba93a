import { Injectable } from '@nestjs/common';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { RealtimeEmitter } from '../../common/live/emitter';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { DuplicatesService } from './duplicates.service';
import type { Participant } from './participant.entities';
import { sessionsRepository } from './sessions.repository';

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly emitter: RealtimeEmitter,
    private readonly duplicates: DuplicatesService,
  ) {}

  /**
   * Removes a participant from the session. The token check reads revoked_at on every REST call and
   * handshake; the live sockets are told, then disconnected once the commit is done. A code joiner's
   * browser is blocked from joining the session again (a merge does not block it).
   */
  async revoke(tx: Tx, actor: ParticipantActor, participantId: string, how: { blockDevice: boolean } = { blockDevice: true }): Promise<{ participantId: string }> {
    const target = await this.target(tx, actor, participantId);
    if (!target.revokedAt) {
      await sessionsRepository.updateParticipant(tx.manager, target.id, { revokedAt: new Date() });
      if (how.blockDevice && target.deviceHash && target.memberId === null && target.role === 'member') {
        await sessionsRepository.blockDevice(tx.manager, actor.sessionId, target.deviceHash);
      }
      await tx.audit(actor.sessionId, 'participant.revoked', actor.participantId, { participantId: target.id, deviceBlocked: how.blockDevice && target.deviceHash !== null && target.memberId === null });
      await tx.publish('participant.revoked', actor.sessionId, { participantId: target.id }, { room: rooms.participant(target.id) });
      tx.afterCommit(() => {
        this.emitter.disconnectParticipant(rooms.participant(target.id));
        this.duplicates.mark(actor.sessionId);
      });
    }
    return { participantId: target.id };
  }

  /**
   * A possible duplicate is merged into the participant kept: the duplicate is removed without
   * blocking its browser, which resumes as the one kept when it rejoins under that name.
   */
  async merge(tx: Tx, actor: ParticipantActor, participantId: string, intoId: string): Promise<{ participantId: string; intoId: string }> {
    if (participantId === intoId) throw new AppError('INVALID_TRANSITION');
    const into = await this.target(tx, actor, intoId);
    if (into.revokedAt) throw new AppError('NOT_FOUND');
    const duplicate = await this.target(tx, actor, participantId);
    if (duplicate.deviceHash && !into.deviceHash) await sessionsRepository.updateParticipant(tx.manager, into.id, { deviceHash: duplicate.deviceHash });
    await this.revoke(tx, actor, participantId, { blockDevice: false });
    await tx.audit(actor.sessionId, 'participant.merged', actor.participantId, { participantId, intoId });
    return { participantId, intoId };
  }

  /**
   * A facilitator confirms that a code joiner is the roster member they picked. The roster row made
   * at import (with the personal invitation) hands over to the joiner: member, invitation and group
   * move to them, so the personal link and the joiner are one participant from then on. Refused
   * `CLAIM_TAKEN` when that member is already present.
   */
  async confirm(tx: Tx, actor: ParticipantActor, participantId: string): Promise<{ participantId: string; memberId: string }> {
    const joiner = await this.target(tx, actor, participantId);
    const memberId = joiner.claimedMemberId;
    if (!memberId || joiner.revokedAt || joiner.memberId) throw new AppError('INVALID_TRANSITION');
    const roster = await sessionsRepository.lockRosterParticipant(tx.manager, actor.sessionId, memberId);
    if (!roster) throw new AppError('NOT_FOUND');
    if (roster.joinedAt || roster.revokedAt) throw new AppError('CLAIM_TAKEN');
    await sessionsRepository.updateParticipant(tx.manager, roster.id, { memberId: null, invitationHash: null, revokedAt: new Date() });
    await sessionsRepository.updateParticipant(tx.manager, joiner.id, { memberId, claimedMemberId: null, invitationHash: roster.invitationHash, groupId: joiner.groupId ?? roster.groupId, displayName: joiner.displayName });
    await tx.audit(actor.sessionId, 'participant.confirmed', actor.participantId, { participantId: joiner.id, memberId });
    await tx.publish('participant.updated', actor.sessionId, { participantId: joiner.id, verified: true, claimedMemberId: null }, { room: rooms.participant(joiner.id) });
    tx.afterCommit(() => this.duplicates.mark(actor.sessionId));
    return { participantId: joiner.id, memberId };
  }

  private async target(tx: Tx, actor: ParticipantActor, participantId: string): Promise<Participant> {
    const target = await sessionsRepository.participant(tx.manager, { id: participantId, sessionId: actor.sessionId });
    if (!target) throw new AppError('NOT_FOUND');
    if (target.id === actor.participantId) throw new AppError('INVALID_TRANSITION');
    return target;
  }
}
