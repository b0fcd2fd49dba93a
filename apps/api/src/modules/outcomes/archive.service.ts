import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutcomeRecord, type ArchiveDetail, type ArchiveSummary, type ArchiveVerification, type PublicResults } from '@palabre/contracts';
import type { StaffActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../common/db/transaction';
import { AuditService } from '../audit/audit.service';
import { canonicalJson, firstBrokenLink, sha256 } from '../audit/hash-chain';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { SessionsService } from '../sessions/sessions.service';
import type { ArchiveRecord } from './archive-record.entity';
import { OutcomeRecordService } from './outcome-record.service';
import { outcomesRepository, type SummaryRow } from './outcomes.repository';

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
      if (open.length > 0) throw new AppError('SESSION_HAS_OPEN_ITEMS', open.map((item) => ({ path: `activities.${item.activityId}`, message: item.title })));
      const canonical = canonicalJson(await this.records.buildWith(tx.manager, sessionId));
      const digest = sha256(canonical);
      const link = await this.audit.append(tx.manager, sessionId, 'session.sealed', null, { digest });
      await outcomesRepository.insertArchive(tx.manager, { sessionId, canonicalJson: canonical, digest, auditHead: link.hash, sealedAt: new Date(), sealedBy: actor.accountId });
      await outcomesRepository.archiveSession(tx.manager, sessionId);
      await tx.bumpVersion(sessionId);
      await tx.publish('session.updated', sessionId, { session: await this.sessions.get(sessionId, tx.manager) }, { bump: false });
      return this.summary(tx.manager, sessionId);
    });
  }

  async list(search?: string): Promise<ArchiveSummary[]> {
    const pattern = search && search.trim() ? `%${search.trim().replace(/[\\%_]/g, (special) => `\\${special}`)}%` : null;
    const rows = await outcomesRepository.search(this.db.manager, pattern);
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
    const links = await outcomesRepository.auditLinks(this.db.manager, sessionId);
    const brokenAt = firstBrokenLink(links);
    const seal = links.find((link) => link.type === 'session.sealed');
    const lastDigest = links.filter((link) => DIGEST_LINKS.has(link.type)).at(-1);
    const headIndex = links.findIndex((link) => link.hash === record.auditHead);
    const headOk = headIndex >= 0 && links.slice(headIndex + 1).every((link) => AFTER_SEAL.has(link.type));
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
      const record = await outcomesRepository.lockArchive(tx.manager, sessionId);
      if (!record) throw new AppError('ARCHIVE_NOT_FOUND');
      if (record.public !== isPublic) {
        await outcomesRepository.updateArchive(tx.manager, sessionId, { public: isPublic });
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
      const record = await outcomesRepository.lockArchive(tx.manager, sessionId);
      if (!record) throw new AppError('ARCHIVE_NOT_FOUND');
      if (record.pseudonymisedAt) throw new AppError('ALREADY_PSEUDONYMISED');
      const seal = await outcomesRepository.sealLink(tx.manager, sessionId);
      await outcomesRepository.pseudonymiseParticipants(tx.manager, sessionId);
      const canonical = canonicalJson(await this.records.buildWith(tx.manager, sessionId, { auditBefore: seal.seq }));
      const digest = sha256(canonical);
      const link = await this.audit.append(tx.manager, sessionId, 'archive.pseudonymised', null, { previousDigest: record.digest, digest });
      await outcomesRepository.updateArchive(tx.manager, sessionId, { canonicalJson: canonical, digest, auditHead: link.hash, pseudonymisedAt: new Date() });
      return this.summary(tx.manager, sessionId);
    });
  }

  /** The sealed record of a session whose organiser published its results, with its seal. */
  async publicRecord(joinCode: string): Promise<{ record: OutcomeRecord; sealedAt: string; digest: string }> {
    const archive = await outcomesRepository.publicArchive(this.db.manager, joinCode);
    if (!archive) throw new AppError('RESULTS_NOT_PUBLIC');
    return { record: OutcomeRecord.parse(JSON.parse(archive.canonical_json)), sealedAt: toSummary(archive).sealedAt, digest: archive.digest };
  }

  /** Aggregates only: no participant list, no authors, no row-level data. */
  async publicResults(joinCode: string): Promise<PublicResults> {
    const { record: full, sealedAt, digest } = await this.publicRecord(joinCode);
    const { participants: _personal, ...record } = full;
    const sections = record.sections.map((section) => ({
      ...section,
      ideas: section.ideas.map((idea) => ({ ...idea, author: null })),
      syntheses: section.syntheses.map((synthesis) => ({ ...synthesis, author: null })),
      questions: section.questions.map((question) => ({ ...question, author: null })),
      raw: [],
      recompute: null,
    }));
    return { ...record, sections, sealedAt, digest };
  }

  private async find(sessionId: string): Promise<ArchiveRecord> {
    const record = await outcomesRepository.findArchive(this.db.manager, sessionId);
    if (!record) throw new AppError('ARCHIVE_NOT_FOUND');
    return record;
  }

  private async summary(manager: EntityManager, sessionId: string): Promise<ArchiveSummary> {
    const row = await outcomesRepository.summary(manager, sessionId);
    if (!row) throw new AppError('ARCHIVE_NOT_FOUND');
    return toSummary(row);
  }
}

function toSummary(row: SummaryRow): ArchiveSummary {
  return {
    sessionId: row.session_id,
    title: row.title,
    date: row.date,
    joinCode: row.join_code,
    digest: row.digest,
    sealedAt: new Date(row.sealed_at).toISOString(),
    public: row.public,
    pseudonymisedAt: row.pseudonymised_at ? new Date(row.pseudonymised_at).toISOString() : null,
  };
}
