import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutcomeRecord, type ArchiveDetail, type ArchiveSummary, type ArchiveVerification, type PublicResults } from '@palabre/contracts';
import type { StaffActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/realtime/transaction';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { canonicalJson, firstBrokenLink, sha256 } from '../audit/hash-chain';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { SessionsService } from '../sessions/sessions.service';
import { Session } from '../sessions/session.entity';
import { ArchiveRecord } from './archive-record.entity';
import { OutcomeRecordService } from './outcome-record.service';

/** Audit links that record the archived digest, newest last. */
const DIGEST_LINKS = new Set(['session.sealed', 'archive.pseudonymised']);
/** What may still be appended to a sealed session's chain: reading it and its retention steps. */
const AFTER_SEAL = new Set(['export.generated', 'archive.published', 'archive.unpublished', 'archive.pseudonymised']);

@Injectable()
export class ArchiveService {
  constructor(
    private readonly db: DataSource,
    private readonly records: OutcomeRecordService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly lifecycle: ActivityLifecycle,
  ) {}

  /** Seals a closed session: stores its canonical record and digest, chains them, makes it read-only. */
  seal(actor: StaffActor, sessionId: string): Promise<ArchiveSummary> {
    return this.transactions.run(async (tx) => {
      const session = await this.sessions.lockWritable(tx, sessionId);
      if (session.state !== 'closed') throw new AppError('SESSION_NOT_CLOSED');
      // Nothing is sealed while a vote or an activity could still change it.
      const open = await this.lifecycle.stillOpen(tx, sessionId);
      if (open.length > 0) throw new AppError('SESSION_HAS_OPEN_ITEMS', open.map((o) => ({ path: `activities.${o.activityId}`, message: o.title })));
      const canonical = canonicalJson(await this.records.buildWith(tx.manager, sessionId));
      const digest = sha256(canonical);
      const link = await this.audit.append(tx.manager, sessionId, 'session.sealed', null, { digest });
      await tx.manager.getRepository(ArchiveRecord).insert({ sessionId, canonicalJson: canonical, digest, auditHead: link.hash, sealedAt: new Date(), sealedBy: actor.accountId });
      await tx.manager.getRepository(Session).update(sessionId, { state: 'archived' });
      await tx.bumpVersion(sessionId);
      await tx.publish('session.updated', sessionId, { session: await this.sessions.get(sessionId, tx.manager) }, { bump: false });
      return this.summary(tx.manager, sessionId);
    });
  }

  async list(q?: string): Promise<ArchiveSummary[]> {
    const pattern = q && q.trim() ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SQL} WHERE $1::text IS NULL OR s.title ILIKE $1 OR s.date::text LIKE $1 OR a.canonical_json ILIKE $1
        ORDER BY s.date DESC, a.sealed_at DESC LIMIT 200`,
      [pattern],
    );
    return rows.map(toSummary);
  }

  async get(sessionId: string): Promise<ArchiveDetail> {
    const record = await this.find(sessionId);
    return { ...(await this.summary(this.db.manager, sessionId)), auditHead: record.auditHead, record: OutcomeRecord.parse(JSON.parse(record.canonicalJson)) };
  }

  /**
   * Three independent checks: the stored JSON still hashes to the stored digest; the record
   * rebuilt from the live tables is the same (a row altered after sealing shows here); the audit
   * chain is intact and its last digest link names the stored digest.
   */
  async verify(sessionId: string): Promise<ArchiveVerification> {
    const record = await this.find(sessionId);
    const links = await this.db.getRepository(AuditEvent).find({ where: { sessionId }, order: { seq: 'ASC' } });
    const brokenAt = firstBrokenLink(links);
    const seal = links.find((l) => l.type === 'session.sealed');
    const lastDigest = links.filter((l) => DIGEST_LINKS.has(l.type)).at(-1);
    const headIndex = links.findIndex((l) => l.hash === record.auditHead);
    const headOk = headIndex >= 0 && links.slice(headIndex + 1).every((l) => AFTER_SEAL.has(l.type));
    const sealLinked = lastDigest?.payload.digest === record.digest && lastDigest.hash === record.auditHead;
    const recomputed = sha256(record.canonicalJson);
    const live = seal ? sha256(canonicalJson(await this.records.build(sessionId, { auditBefore: seal.seq }))) : '';
    const problems: string[] = [];
    if (recomputed !== record.digest) problems.push("L’enregistrement archivé a été modifié : son empreinte ne correspond plus.");
    if (live !== record.digest) problems.push("Les données de la séance ont été modifiées après le scellement.");
    if (brokenAt !== null) problems.push(`Le journal d’audit est rompu au maillon ${brokenAt}.`);
    if (!sealLinked || !headOk) problems.push("Le journal d’audit ne confirme pas l’empreinte archivée.");
    return {
      intact: problems.length === 0,
      digest: { stored: record.digest, recomputed, matches: recomputed === record.digest },
      live: { digest: live, matches: live === record.digest },
      chain: { intact: brokenAt === null, length: links.length, head: links.at(-1)?.hash ?? '', brokenAt, sealLinked: sealLinked && headOk },
      problems,
    };
  }

  setPublic(sessionId: string, isPublic: boolean): Promise<ArchiveSummary> {
    return this.transactions.run(async (tx) => {
      const repo = tx.manager.getRepository(ArchiveRecord);
      const record = await repo.findOne({ where: { sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw new AppError('ARCHIVE_NOT_FOUND');
      if (record.public !== isPublic) {
        await repo.update(sessionId, { public: isPublic });
        await tx.audit(sessionId, isPublic ? 'archive.published' : 'archive.unpublished', null, {});
      }
      return this.summary(tx.manager, sessionId);
    });
  }

  /**
   * Retention: replaces the names people had in the session by pseudonyms and drops their
   * invitation links, then stores the record rebuilt from the pseudonymised tables as the new
   * archived version. The chain links both digests, so verification still passes and shows
   * which sealed digest the pseudonymised one replaces.
   */
  pseudonymise(sessionId: string): Promise<ArchiveSummary> {
    return this.transactions.run(async (tx) => {
      const repo = tx.manager.getRepository(ArchiveRecord);
      const record = await repo.findOne({ where: { sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw new AppError('ARCHIVE_NOT_FOUND');
      if (record.pseudonymisedAt) throw new AppError('ALREADY_PSEUDONYMISED');
      const seal = await tx.manager.getRepository(AuditEvent).findOneByOrFail({ sessionId, type: 'session.sealed' });
      await tx.manager.query(
        `UPDATE participant p SET display_name = 'Participant·e ' || lpad(n.rank::text, 3, '0'), invitation_hash = NULL
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM participant WHERE session_id = $1) n
          WHERE p.id = n.id`,
        [sessionId],
      );
      const canonical = canonicalJson(await this.records.buildWith(tx.manager, sessionId, { auditBefore: seal.seq }));
      const digest = sha256(canonical);
      const link = await this.audit.append(tx.manager, sessionId, 'archive.pseudonymised', null, { previousDigest: record.digest, digest });
      await repo.update(sessionId, { canonicalJson: canonical, digest, auditHead: link.hash, pseudonymisedAt: new Date() });
      return this.summary(tx.manager, sessionId);
    });
  }

  /** The sealed record of a session whose organiser published its results, with its seal. */
  async publicRecord(joinCode: string): Promise<{ record: OutcomeRecord; sealedAt: string; digest: string }> {
    const rows: (SummaryRow & { canonical_json: string })[] = await this.db.query(`${SUMMARY_SQL.replace('SELECT', 'SELECT a.canonical_json,')} WHERE s.join_code = $1 AND a.public`, [joinCode]);
    if (!rows[0]) throw new AppError('RESULTS_NOT_PUBLIC');
    return { record: OutcomeRecord.parse(JSON.parse(rows[0].canonical_json)), sealedAt: toSummary(rows[0]).sealedAt, digest: rows[0].digest };
  }

  /** Aggregates only: no participant list, no authors, no row-level data. */
  async publicResults(joinCode: string): Promise<PublicResults> {
    const { record: full, sealedAt, digest } = await this.publicRecord(joinCode);
    const { participants: _personal, ...record } = full;
    const sections = record.sections.map((s) => ({
      ...s,
      ideas: s.ideas.map((i) => ({ ...i, author: null })),
      syntheses: s.syntheses.map((y) => ({ ...y, author: null })),
      questions: s.questions.map((q) => ({ ...q, author: null })),
      raw: [],
      recompute: null,
    }));
    return { ...record, sections, sealedAt, digest };
  }

  private async find(sessionId: string): Promise<ArchiveRecord> {
    const record = await this.db.getRepository(ArchiveRecord).findOneBy({ sessionId });
    if (!record) throw new AppError('ARCHIVE_NOT_FOUND');
    return record;
  }

  private async summary(manager: EntityManager, sessionId: string): Promise<ArchiveSummary> {
    const rows: SummaryRow[] = await manager.query(`${SUMMARY_SQL} WHERE a.session_id = $1`, [sessionId]);
    if (!rows[0]) throw new AppError('ARCHIVE_NOT_FOUND');
    return toSummary(rows[0]);
  }
}

const SUMMARY_SQL = `SELECT a.session_id, s.title, s.date::text AS date, s.join_code, a.digest, a.sealed_at, a.public, a.pseudonymised_at
  FROM archive_record a JOIN session s ON s.id = a.session_id`;

interface SummaryRow {
  session_id: string;
  title: string;
  date: string;
  join_code: string;
  digest: string;
  sealed_at: Date | string;
  public: boolean;
  pseudonymised_at: Date | string | null;
}

function toSummary(r: SummaryRow): ArchiveSummary {
  return {
    sessionId: r.session_id,
    title: r.title,
    date: r.date,
    joinCode: r.join_code,
    digest: r.digest,
    sealedAt: new Date(r.sealed_at).toISOString(),
    public: r.public,
    pseudonymisedAt: r.pseudonymised_at ? new Date(r.pseudonymised_at).toISOString() : null,
  };
}
