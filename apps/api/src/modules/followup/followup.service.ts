import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  OutcomeRecord,
  type CandidatesQuery,
  type CreateRecommendationBody,
  type OutcomeCandidate,
  type ProgressBody,
  type PublicFollowUp,
  type PublicRecommendation,
  type Recommendation as RecommendationView,
  type RespondBody,
  type SubscriptionState,
  type UpdateRecommendationBody,
} from '@palabre/contracts';
import { canAnswerRecommendation, canReadRecommendation, statusAfterResponse } from '@palabre/domain';
import type { z } from 'zod';
import type { StaffActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner, type Tx } from '../../common/db/transaction';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { ArchiveRecord } from '../outcomes/archive-record.entity';
import type { Assembly } from '../sessions/assembly.entities';
import type { Session } from '../sessions/session.entity';
import { followUpRepository } from './followup.repository';
import { toRecommendationView } from './followup.views';
import { FollowUpMailer } from './followup-mailer';
import { outcomeCandidates, resolveItem } from './outcome-items';
import type { Recommendation } from './recommendation.entities';
import { CONFIRM_LINK_DAYS, SubscriptionLinks } from './subscription-links';

/** One confirmation email per address and assembly in this window, however often the form is sent. */
const CONFIRM_COOLDOWN_MS = 10 * 60_000;

type Create = z.output<typeof import('@palabre/contracts').CreateRecommendationBody>;
type Respond = z.output<typeof import('@palabre/contracts').RespondBody>;

/** Today in the install's display time zone (YYYY-MM-DD): deadlines are calendar days there. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Recommendations and the Region's follow-up of them. Every change appends to the
 * recommendation's own audit chain (keyed by its id), never to the sealed session's.
 */
@Injectable()
export class FollowUpService {
  private readonly logger = new Logger('FollowUp');
  private readonly links: SubscriptionLinks;
  /** When a confirmation was last sent, by assembly and address (this node's memory: a bound on emails, not a record). */
  private readonly confirmationsSent = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly mailer: FollowUpMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new SubscriptionLinks(config.tokenSecret);
  }

  async candidates(sessionId: string, query: z.output<typeof CandidatesQuery>): Promise<OutcomeCandidate[]> {
    const { record } = await this.sealed(this.db.manager, sessionId);
    return outcomeCandidates(record, query.minSupports ?? 1);
  }

  async instructors(): Promise<{ id: string; displayName: string }[]> {
    const accounts = await followUpRepository.instructors(this.db.manager);
    return accounts.map((account) => ({ id: account.id, displayName: account.displayName }));
  }

  create(actor: StaffActor, input: CreateRecommendationBody): Promise<RecommendationView> {
    const body = input as Create;
    return this.transactions.run(async (tx) => {
      const { archive, record, session } = await this.sealed(tx.manager, body.sessionId);
      if (!session.assemblyId) throw new AppError('FOLLOWUP_NO_ASSEMBLY');
      const resolved = resolveItem(record, body.source, body.minSupports);
      if ('refused' in resolved) throw new AppError(resolved.refused === 'below' ? 'BELOW_THRESHOLD' : 'OUTCOME_ITEM_NOT_FOUND');
      await this.checkAssignee(tx.manager, body.assigneeId);
      const saved = await followUpRepository.insertRecommendation(tx.manager, {
        assemblyId: session.assemblyId,
        sessionId: session.id,
        archiveDigest: archive.digest,
        itemKind: body.source.kind,
        activityId: body.source.activityId,
        itemId: body.source.itemId,
        evidence: resolved.evidence,
        title: body.title,
        body: body.body,
        theme: body.theme !== undefined ? body.theme : resolved.evidence.group,
        territories: body.territories,
        deadline: body.deadline,
        assigneeId: body.assigneeId,
        createdBy: actor.accountId,
      });
      await tx.audit(saved.id, 'recommendation.created', actor.accountId, {
        sessionId: session.id,
        archiveDigest: archive.digest,
        source: body.source,
        minSupports: body.minSupports,
        title: saved.title,
      });
      return this.view(tx.manager, saved);
    });
  }

  async list(actor: StaffActor, query: { sessionId?: string; assemblyId?: string }): Promise<RecommendationView[]> {
    const filter = {
      ...(query.sessionId ? { sessionId: query.sessionId } : {}),
      ...(query.assemblyId ? { assemblyId: query.assemblyId } : {}),
      // An instructing service sees only what is assigned to it (canReadRecommendation).
      ...(actor.role === 'instructor' ? { assigneeId: actor.accountId } : {}),
    };
    const recs = await followUpRepository.recommendations(this.db.manager, filter);
    return this.views(this.db.manager, recs.filter((rec) => canReadRecommendation(actor, rec.assigneeId)));
  }

  async get(actor: StaffActor, id: string): Promise<RecommendationView> {
    const rec = await followUpRepository.recommendation(this.db.manager, id);
    if (!rec || !canReadRecommendation(actor, rec.assigneeId)) throw new AppError('NOT_FOUND');
    return this.view(this.db.manager, rec);
  }

  update(actor: StaffActor, id: string, body: UpdateRecommendationBody): Promise<RecommendationView> {
    return this.transactions.run(async (tx) => {
      const rec = await this.lock(tx, id);
      if (body.assigneeId !== undefined) await this.checkAssignee(tx.manager, body.assigneeId);
      const changed = (Object.keys(body) as (keyof UpdateRecommendationBody)[]).filter((key) => body[key] !== undefined && JSON.stringify(body[key]) !== JSON.stringify(rec[key]));
      if (changed.length === 0) return this.view(tx.manager, rec);
      const wasPublished = rec.published;
      Object.assign(rec, Object.fromEntries(changed.map((key) => [key, body[key]])));
      await followUpRepository.saveRecommendation(tx.manager, rec);
      const fields = changed.filter((key) => key !== 'published');
      if (fields.length > 0) await tx.audit(rec.id, 'recommendation.updated', actor.accountId, Object.fromEntries(fields.map((key) => [key, body[key]])));
      if (changed.includes('published')) await tx.audit(rec.id, rec.published ? 'recommendation.published' : 'recommendation.unpublished', actor.accountId, {});
      if (rec.published) this.notifyAfter(tx, rec, wasPublished ? 'updated' : 'published');
      return this.view(tx.manager, rec);
    });
  }

  respond(actor: StaffActor, id: string, input: RespondBody): Promise<RecommendationView> {
    const body = input as Respond;
    return this.transactions.run(async (tx) => {
      const rec = await this.lock(tx, id);
      if (!canAnswerRecommendation(actor, rec.assigneeId)) throw new AppError('NOT_ASSIGNED');
      rec.decision = body.decision;
      rec.reasons = body.reasons;
      rec.answeredAt = new Date();
      rec.contractRef = body.contractRef;
      if (body.territories) rec.territories = body.territories;
      rec.status = statusAfterResponse(rec.status, body.decision);
      await followUpRepository.saveRecommendation(tx.manager, rec);
      await tx.audit(rec.id, 'recommendation.answered', actor.accountId, { decision: body.decision, reasons: body.reasons, contractRef: body.contractRef, territories: rec.territories, status: rec.status });
      if (rec.published) this.notifyAfter(tx, rec, 'answered');
      return this.view(tx.manager, rec);
    });
  }

  progress(actor: StaffActor, id: string, body: ProgressBody): Promise<RecommendationView> {
    return this.transactions.run(async (tx) => {
      const rec = await this.lock(tx, id);
      if (!canAnswerRecommendation(actor, rec.assigneeId)) throw new AppError('NOT_ASSIGNED');
      if (!rec.decision) throw new AppError('NOT_ANSWERED_YET');
      await followUpRepository.insertProgress(tx.manager, { recommendationId: rec.id, date: body.date, status: body.status, percent: body.percent, note: body.note, authorId: actor.accountId });
      rec.status = body.status;
      rec.percent = body.percent;
      await followUpRepository.saveRecommendation(tx.manager, rec);
      await tx.audit(rec.id, 'recommendation.progress', actor.accountId, { ...body });
      if (rec.published) this.notifyAfter(tx, rec, 'progress');
      return this.view(tx.manager, rec);
    });
  }

  /** Published recommendations of an assembly: no account, no assignee, no participant. */
  async publicFollowUp(assemblyId: string, filters: { theme?: string; territory?: string } = {}): Promise<PublicFollowUp> {
    const assembly = await followUpRepository.assembly(this.db.manager, assemblyId);
    if (!assembly) throw new AppError('NOT_FOUND');
    const recs = await followUpRepository.recommendations(this.db.manager, { assemblyId, published: true });
    const views = await this.views(this.db.manager, recs);
    const publicArchives = await followUpRepository.publicArchiveSessions(this.db.manager, [...new Set(recs.map((rec) => rec.sessionId))]);
    const history = recs.length ? await followUpRepository.historyOf(this.db.manager, recs.map((rec) => rec.id)) : [];
    const all: PublicRecommendation[] = views.map(({ assignee: _assignee, published: _published, ...view }) => ({
      ...view,
      evidenceUrl: publicArchives.has(view.session.id) ? `${this.config.publicUrl}/public/${encodeURIComponent(view.session.joinCode)}#section-${view.source.activityId}` : null,
      history: history.filter((event) => event.sessionId === view.id).map((event) => ({ at: new Date(event.createdAt).toISOString(), type: event.type })),
    }));
    const themes = [...new Set(all.map((r) => r.theme).filter((t): t is string => t !== null))].sort((a, b) => a.localeCompare(b, 'fr'));
    const territories = [...new Set(all.flatMap((r) => r.territories))].sort((a, b) => a.localeCompare(b, 'fr'));
    const recommendations = all.filter((r) => (!filters.theme || r.theme === filters.theme) && (!filters.territory || r.territories.includes(filters.territory)));
    return { assembly: { id: assembly.id, name: assembly.name }, themes, territories, recommendations };
  }

  /**
   * A member of one of the assembly's sessions, with their member token, asks to follow it at an
   * address: like the public form, a confirmation link is emailed there and nothing is subscribed
   * until it is followed (the address's owner consents, whoever typed it).
   */
  async requestSubscriptionAsMember(participantId: string, sessionId: string, email: string): Promise<{ requested: true }> {
    const session = await followUpRepository.session(this.db.manager, sessionId);
    if (!session?.assemblyId) throw new AppError('FOLLOWUP_NO_ASSEMBLY');
    const assembly = await followUpRepository.assemblyOrFail(this.db.manager, session.assemblyId);
    if (!this.mailer.configured) throw new AppError('FOLLOWUP_EMAIL_OFF');
    this.sendConfirmation(assembly, email, participantId);
    return { requested: true };
  }

  /**
   * From the public page: when the address is the roster email of a member who took part in one of
   * the assembly's sessions (joined, not removed), a confirmation link is emailed; nothing is
   * subscribed until it is followed. The answer is the same for any address, sent before the email.
   */
  async requestSubscription(assemblyId: string, email: string): Promise<{ requested: true }> {
    const assembly = await followUpRepository.assembly(this.db.manager, assemblyId);
    if (!assembly) throw new AppError('NOT_FOUND');
    if (!this.mailer.configured) throw new AppError('FOLLOWUP_EMAIL_OFF');
    if (this.coolingDown(assemblyId, email)) return { requested: true };
    const participantId = await followUpRepository.memberParticipation(this.db.manager, assemblyId, email);
    if (participantId) this.sendConfirmation(assembly, email, participantId);
    return { requested: true };
  }

  /** An address already sent a confirmation for this assembly within the cooldown gets no other. */
  private coolingDown(assemblyId: string, email: string): boolean {
    const last = this.confirmationsSent.get(`${assemblyId}:${email}`);
    return last !== undefined && Date.now() - last < CONFIRM_COOLDOWN_MS;
  }

  /**
   * The one way a subscription starts: a signed confirmation link emailed to the address (at most
   * one per address and assembly in the cooldown), followed by its owner (`confirmSubscription`).
   */
  private sendConfirmation(assembly: Assembly, email: string, participantId: string): void {
    if (this.coolingDown(assembly.id, email)) return;
    this.confirmationsSent.set(`${assembly.id}:${email}`, Date.now());
    for (const [key, at] of this.confirmationsSent) if (Date.now() - at >= CONFIRM_COOLDOWN_MS) this.confirmationsSent.delete(key);
    const url = `${this.pageUrl(assembly.id)}?confirm=${this.links.confirm(assembly.id, email, participantId)}`;
    void this.mailer
      .sendConfirmation(email, { assembly: assembly.name, url, days: CONFIRM_LINK_DAYS })
      .catch((error: unknown) => this.logger.warn(`follow-up confirmation not sent: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** The link of the confirmation email: the subscription starts (again, if it had ended). */
  async confirmSubscription(token: string): Promise<SubscriptionState> {
    const claims = this.links.verify(token, 'confirm');
    const assembly = await followUpRepository.assembly(this.db.manager, claims.a);
    if (!assembly) throw new AppError('SUBSCRIPTION_LINK_INVALID');
    await followUpRepository.upsertSubscription(this.db.manager, assembly.id, claims.e, claims.m);
    return { assembly: { id: assembly.id, name: assembly.name }, subscribed: true };
  }

  /** The link every notification carries: the subscription ends (a no-op when it already has). */
  async unsubscribe(token: string): Promise<SubscriptionState> {
    const claims = this.links.verify(token, 'unsubscribe');
    const assembly = await followUpRepository.assembly(this.db.manager, claims.a);
    if (!assembly) throw new AppError('SUBSCRIPTION_LINK_INVALID');
    await followUpRepository.deleteSubscription(this.db.manager, assembly.id, claims.e);
    return { assembly: { id: assembly.id, name: assembly.name }, subscribed: false };
  }

  /** The public tracking page of an assembly (the web route `follow-up/:assemblyId`). */
  pageUrl(assemblyId: string): string {
    return `${this.config.publicUrl}/follow-up/${assemblyId}`;
  }

  /** The sealed record of a session (the archive is read, never written). */
  private async sealed(manager: EntityManager, sessionId: string): Promise<{ archive: ArchiveRecord; record: OutcomeRecord; session: Session }> {
    const archive = await followUpRepository.archive(manager, sessionId);
    const session = await followUpRepository.session(manager, sessionId);
    if (!archive || !session) throw new AppError('ARCHIVE_NOT_FOUND');
    return { archive, record: OutcomeRecord.parse(JSON.parse(archive.canonicalJson)), session };
  }

  private async checkAssignee(manager: EntityManager, assigneeId: string | null): Promise<void> {
    if (assigneeId === null) return;
    const account = await followUpRepository.staffAccount(manager, assigneeId);
    if (account?.role !== 'instructor') throw new AppError('NOT_AN_INSTRUCTOR');
  }

  /** Locks the recommendation row: its audit chain and fields change one writer at a time. */
  private async lock(tx: Tx, id: string): Promise<Recommendation> {
    const rec = await followUpRepository.lockRecommendation(tx.manager, id);
    if (!rec) throw new AppError('NOT_FOUND');
    return rec;
  }

  private notifyAfter(tx: Tx, rec: Recommendation, change: 'published' | 'updated' | 'answered' | 'progress'): void {
    const snapshot = { ...rec };
    tx.afterCommit(() => {
      void this.notify(snapshot, change).catch((error: unknown) => this.logger.warn(`follow-up notification not sent: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  private async notify(rec: Recommendation, change: 'published' | 'updated' | 'answered' | 'progress'): Promise<void> {
    if (!this.mailer.configured) return;
    const subscribers = await followUpRepository.subscriberEmails(this.db.manager, rec.assemblyId);
    const url = `${this.pageUrl(rec.assemblyId)}#rec-${rec.id}`;
    for (const email of subscribers) {
      const unsubscribeUrl = `${this.pageUrl(rec.assemblyId)}?unsubscribe=${this.links.unsubscribe(rec.assemblyId, email)}`;
      await this.mailer.sendChange(email, { title: rec.title, change, decision: rec.decision, reasons: rec.reasons, status: rec.status, percent: rec.percent, url, unsubscribeUrl });
    }
  }

  private async view(manager: EntityManager, rec: Recommendation): Promise<RecommendationView> {
    return (await this.views(manager, [rec]))[0];
  }

  private async views(manager: EntityManager, recs: Recommendation[]): Promise<RecommendationView[]> {
    if (recs.length === 0) return [];
    const sessions = new Map((await followUpRepository.sessions(manager, [...new Set(recs.map((rec) => rec.sessionId))])).map((session) => [session.id, session]));
    const assigneeIds = [...new Set(recs.map((rec) => rec.assigneeId).filter((id): id is string => id !== null))];
    const accounts = new Map(assigneeIds.length ? (await followUpRepository.staffAccounts(manager, assigneeIds)).map((account) => [account.id, account]) : []);
    const progress = await followUpRepository.progressOf(manager, recs.map((rec) => rec.id));
    const today = todayIn(this.config.displayTimeZone);
    return recs.map((rec) => toRecommendationView(rec, sessions.get(rec.sessionId) as Session, rec.assigneeId ? accounts.get(rec.assigneeId) : undefined, progress, today));
  }
}
