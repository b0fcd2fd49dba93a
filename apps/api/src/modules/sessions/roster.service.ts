import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Invitation, RosterImportReport } from '@palabre/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/realtime/transaction';
import { Assembly, Member } from './assembly.entity';
import { hashToken, invitationToken } from './join-codes';
import { Participant } from './participant.entity';
import { parseRosterCsv } from './roster-csv';
import { Session } from './session.entity';

const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

@Injectable()
export class RosterService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Imports good lines (creating or updating members and their invitations); reports bad ones. */
  async importCsv(sessionId: string, csv: string): Promise<RosterImportReport> {
    if (typeof csv !== 'string' || csv.length === 0) throw new AppError('VALIDATION_FAILED');
    if (Buffer.byteLength(csv) > MAX_ROSTER_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const parsed = parseRosterCsv(csv);
    return this.transactions.run(async (tx) => {
      const session = await tx.manager.getRepository(Session).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      if (session.state === 'archived') throw new AppError('SESSION_READ_ONLY');
      if (!session.assemblyId) {
        const assembly = await tx.manager.getRepository(Assembly).save({ name: session.title });
        session.assemblyId = assembly.id;
        await tx.manager.getRepository(Session).update(session.id, { assemblyId: assembly.id });
      }
      let imported = 0;
      let updated = 0;
      const members = tx.manager.getRepository(Member);
      const participants = tx.manager.getRepository(Participant);
      for (const { value } of parsed.lines) {
        const rosterKey = value.email ? value.email.toLowerCase() : `${value.name}|${value.perimeter}`.toLowerCase();
        const fields = { name: value.name, email: value.email ?? null, perimeter: value.perimeter, territoryType: value.territoryType, category: value.category, gender: value.gender };
        let member = await members.findOneBy({ assemblyId: session.assemblyId, rosterKey });
        if (member) {
          await members.update(member.id, fields);
          updated++;
        } else {
          member = await members.save(members.create({ assemblyId: session.assemblyId, rosterKey, ...fields }));
          imported++;
        }
        const existing = await participants.findOneBy({ sessionId, memberId: member.id });
        if (existing) await participants.update(existing.id, { displayName: value.name });
        else {
          const participant = await participants.save(participants.create({ sessionId, memberId: member.id, displayName: value.name, role: 'member' }));
          await participants.update(participant.id, { invitationHash: hashToken(invitationToken(this.config.tokenSecret, participant.id)) });
        }
      }
      await tx.audit(sessionId, 'roster.imported', null, { imported, updated, rejected: parsed.errors.length });
      return { imported, updated, errors: parsed.errors };
    });
  }

  async invitations(sessionId: string): Promise<Invitation[]> {
    if (!(await this.db.getRepository(Session).existsBy({ id: sessionId }))) throw new AppError('SESSION_NOT_FOUND');
    const rows: { id: string; member_id: string; name: string; perimeter: string }[] = await this.db.query(
      `SELECT p.id, p.member_id, m.name, m.perimeter FROM participant p JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.revoked_at IS NULL ORDER BY m.name`,
      [sessionId],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      perimeter: r.perimeter,
      link: `${this.config.publicUrl}/i/${invitationToken(this.config.tokenSecret, r.id)}`,
    }));
  }
}
