import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberCategory, TerritoryType, type Attendance, type AttendanceCount } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { PresenceService } from '../../common/live/presence.service';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { roomRepository, type AttendanceRow } from './room.repository';

type MemberRow = AttendanceRow;

/** Présents / attendus: roster members expected, who confirmed or joined, who is connected now. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DataSource,
    private readonly presence: PresenceService,
  ) {}

  async confirm(tx: Tx, actor: ParticipantActor): Promise<{ confirmed: true }> {
    if (!(await roomRepository.memberOf(tx.manager, actor.participantId))) throw new AppError('NOT_ROSTER_MEMBER');
    if (await roomRepository.confirmAttendance(tx.manager, actor.participantId, actor.sessionId)) {
      await tx.publish('attendance.changed', actor.sessionId, { participantId: actor.participantId }, { room: rooms.staff(actor.sessionId) });
      await tx.audit(actor.sessionId, 'presence.confirmed', actor.participantId, {});
    }
    return { confirmed: true };
  }

  async figures(sessionId: string): Promise<Attendance> {
    const session = await roomRepository.quorum(this.db.manager, sessionId);
    if (!session[0]) throw new AppError('SESSION_NOT_FOUND');
    const members = await roomRepository.attendance(this.db.manager, sessionId);
    const online = new Set((await this.presence.view(sessionId, true)).online?.map((o) => o.id) ?? []);
    const count = (rows: MemberRow[]): AttendanceCount => ({
      expected: rows.filter((r) => r.roster).length,
      present: rows.filter((r) => r.present).length,
      connected: rows.filter((r) => online.has(r.id)).length,
    });
    const total = count(members);
    const quorumPercent = session[0].quorum_percent;
    const rosterPresent = members.filter((r) => r.roster && r.present).length;
    return {
      ...total,
      quorumPercent,
      quorumReached: quorumPercent !== null && total.expected > 0 ? (rosterPresent * 100) / total.expected >= quorumPercent : null,
      byTerritoryType: TerritoryType.options.map((territoryType) => ({ territoryType, ...count(members.filter((m) => m.territory_type === territoryType)) })),
      byCategory: MemberCategory.options.map((category) => ({ category, ...count(members.filter((m) => m.category === category)) })),
    };
  }
}
