import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Invitation, RosterImportReport } from '@palabre/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/db/transaction';
import { hashToken, invitationToken } from './join-codes';
import { parseRosterCsv } from './roster-csv';
import { sessionsRepository } from './sessions.repository';

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
      const session = await sessionsRepository.lockSession(tx.manager, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      if (session.state === 'archived') throw new AppError('SESSION_READ_ONLY');
      if (!session.assemblyId) {
        const assembly = await sessionsRepository.insertAssembly(tx.manager, session.title);
        session.assemblyId = assembly.id;
        await sessionsRepository.updateSession(tx.manager, session.id, { assemblyId: assembly.id });
      }
      let imported = 0;
      let updated = 0;
      for (const { value } of parsed.lines) {
        const rosterKey = value.email ? value.email.toLowerCase() : `${value.name}|${value.perimeter}`.toLowerCase();
        const fields = { name: value.name, email: value.email ?? null, perimeter: value.perimeter, territoryType: value.territoryType, category: value.category, gender: value.gender };
        let member = await sessionsRepository.member(tx.manager, session.assemblyId, rosterKey);
        if (member) {
          await sessionsRepository.updateMember(tx.manager, member.id, fields);
          updated++;
        } else {
          member = await sessionsRepository.insertMember(tx.manager, { assemblyId: session.assemblyId, rosterKey, ...fields });
          imported++;
        }
        const existing = await sessionsRepository.participantOfMember(tx.manager, sessionId, member.id);
        if (existing) await sessionsRepository.updateParticipant(tx.manager, existing.id, { displayName: value.name });
        else {
          const participant = await sessionsRepository.insertParticipant(tx.manager, { sessionId, memberId: member.id, displayName: value.name, role: 'member' });
          await sessionsRepository.updateParticipant(tx.manager, participant.id, { invitationHash: hashToken(invitationToken(this.config.tokenSecret, participant.id)) });
        }
      }
      await tx.audit(sessionId, 'roster.imported', null, { imported, updated, rejected: parsed.errors.length });
      return { imported, updated, errors: parsed.errors };
    });
  }

  async invitations(sessionId: string): Promise<Invitation[]> {
    if (!(await sessionsRepository.sessionExists(this.db.manager, sessionId))) throw new AppError('SESSION_NOT_FOUND');
    const rows = await sessionsRepository.rosterParticipants(this.db.manager, sessionId);
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      perimeter: r.perimeter,
      link: `${this.config.publicUrl}/i/${invitationToken(this.config.tokenSecret, r.id)}`,
    }));
  }
}
