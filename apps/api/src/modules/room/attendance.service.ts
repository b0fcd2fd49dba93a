import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberCategory, TerritoryType, type Attendance, type AttendanceCount } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { PresenceService } from '../../common/realtime/presence.service';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';

interface MemberRow {
  id: string;
  roster: boolean;
  present: boolean;
  territory_type: TerritoryType | null;
  category: MemberCategory | null;
}

/** Présents / attendus: roster members expected, who confirmed or joined, who is connected now. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DataSource,
    private readonly presence: PresenceService,
  ) {}

  async confirm(tx: Tx, actor: ParticipantActor): Promise<{ confirmed: true }> {
    const rows: { member_id: string | null }[] = await tx.manager.query('SELECT member_id FROM participant WHERE id = $1', [actor.participantId]);
    if (!rows[0]?.member_id) throw new AppError('NOT_ROSTER_MEMBER');
    const inserted: unknown[] = await tx.manager.query(
      'INSERT INTO attendance_confirmation (participant_id, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING participant_id',
      [actor.participantId, actor.sessionId],
    );
    if (inserted.length > 0) {
      await tx.publish('attendance.changed', actor.sessionId, { participantId: actor.participantId }, { room: rooms.staff(actor.sessionId) });
      await tx.audit(actor.sessionId, 'presence.confirmed', actor.participantId, {});
    }
    return { confirmed: true };
  }

  async figures(sessionId: string): Promise<Attendance> {
    const session: { quorum_percent: number | null }[] = await this.db.query(
      'SELECT r.quorum_percent FROM session s LEFT JOIN room_state r ON r.session_id = s.id WHERE s.id = $1',
      [sessionId],
    );
    if (!session[0]) throw new AppError('SESSION_NOT_FOUND');
    const members: MemberRow[] = await this.db.query(
      `SELECT p.id, p.member_id IS NOT NULL AS roster, m.territory_type, m.category,
              (p.joined_at IS NOT NULL OR c.participant_id IS NOT NULL) AS present
         FROM participant p LEFT JOIN member m ON m.id = p.member_id LEFT JOIN attendance_confirmation c ON c.participant_id = p.id
        WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL`,
      [sessionId],
    );
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
