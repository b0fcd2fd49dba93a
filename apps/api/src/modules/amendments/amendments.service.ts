import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AMENDMENT_LIMITS, AmendmentsConfig, type AmendmentTextView, type AmendmentView, type AmendmentsSnapshot, type CommandPayload } from '@palabre/contracts';
import { isStaffRole, numberLines, trimAscii } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { parseWith } from '../../common/validation';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { AmendmentsBroadcaster } from './amendments.broadcaster';
import { Amendment, AmendmentCosign, AmendmentText } from './amendments.entities';
import { groupSpokenFor } from '../groups/rapporteur';
import { amendmentsStore, isFilingOpen, publicTextView, toAmendmentView, toTextView, type TextState } from './amendments.store';

/** Texts put to amendment: writing the text, filing, co-signing, withdrawing, moderating and ordering amendments. */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly broadcaster: AmendmentsBroadcaster,
  ) {}

  /** The kind's `create`: the numbered text and its companion survey (the votes), in this transaction. */
  async create(tx: Tx, activity: Activity, raw: Record<string, unknown> | undefined, actor: ParticipantActor): Promise<Record<string, unknown>> {
    const config = parseWith(AmendmentsConfig, raw ?? {});
    const survey = await this.activities.createActivity(tx, actor, {
      opId: randomUUID(),
      kind: 'survey',
      title: `Votes — ${activity.title}`.slice(0, 160),
      ...(activity.groupId ? { groupId: activity.groupId } : {}),
      config: { anonymity: config.anonymity, resultsVisibility: 'live', questions: [] },
    });
    await tx.manager.getRepository(AmendmentText).insert({
      activityId: activity.id,
      sessionId: activity.sessionId,
      lines: numberLines(config.source),
      deadline: config.deadline ? new Date(config.deadline) : null,
      surveyActivityId: survey.id,
      finalQuestionId: null,
      finalVotes: null,
    });
    return { format: config.format, anonymity: config.anonymity };
  }

  async setText(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendments.text.set'>): Promise<AmendmentTextView> {
    const s = await this.lock(tx, actor, p.activityId);
    if (s.activity.state === 'closed') throw new AppError('AMENDMENTS_CLOSED');
    if (s.amendments.length > 0) throw new AppError('AMENDMENT_TEXT_LOCKED');
    const lines = numberLines(p.source);
    await tx.manager.getRepository(AmendmentText).update(s.activity.id, { lines });
    await tx.audit(actor.sessionId, 'amendments.text.set', actor.participantId, { activityId: s.activity.id, lines: lines.length, format: p.format });
    return this.changed(tx, s.activity.id);
  }

  async setDeadline(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendments.deadline'>): Promise<AmendmentTextView> {
    const s = await this.lock(tx, actor, p.activityId);
    await tx.manager.getRepository(AmendmentText).update(s.activity.id, { deadline: p.deadline ? new Date(p.deadline) : null });
    await tx.audit(actor.sessionId, 'amendments.deadline', actor.participantId, { activityId: s.activity.id, deadline: p.deadline });
    return this.changed(tx, s.activity.id);
  }

  async file(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendment.file'>): Promise<AmendmentView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    // The text's row lock serialises filings: numbers follow the order of arrival.
    const s = await this.lock(tx, actor, p.activityId);
    this.assertFiling(s);
    if (s.amendments.length >= AMENDMENT_LIMITS.perText) throw new AppError('AMENDMENT_TOO_MANY');
    const wording = p.wording
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map(trimAscii)
      .join('\n')
      .trim();
    let anchor: Pick<Amendment, 'kind' | 'lineFrom' | 'lineTo'>;
    if (p.parentId) {
      const parent = s.amendments.find((a) => a.id === p.parentId);
      const visible = parent && (parent.status === 'admissible' || parent.authorId === actor.participantId || isStaffRole(actor.role));
      if (!parent || !visible) throw new AppError('NOT_FOUND');
      if (parent.parentId !== null || parent.kind === 'delete' || parent.fate !== null || parent.status === 'withdrawn' || parent.status === 'inadmissible') throw new AppError('AMENDMENT_NOT_AMENDABLE');
      anchor = { kind: parent.kind, lineFrom: parent.lineFrom, lineTo: parent.lineTo };
    } else {
      const count = s.text.lines.length;
      const ok = p.kind === 'insert' ? p.from <= count : p.from >= 1 && p.from <= p.to && p.to <= count;
      if (!ok) throw new AppError('AMENDMENT_BAD_ANCHOR');
      anchor = { kind: p.kind, lineFrom: p.from, lineTo: p.kind === 'insert' ? p.from : p.to };
    }
    if (anchor.kind !== 'delete' && wording === '') throw new AppError('AMENDMENT_WORDING_REQUIRED');
    const number = (s.amendments[s.amendments.length - 1]?.number ?? 0) + 1;
    const repo = tx.manager.getRepository(Amendment);
    const saved = await repo.save(
      repo.create({
        sessionId: actor.sessionId,
        activityId: s.activity.id,
        number,
        parentId: p.parentId,
        ...anchor,
        wording: anchor.kind === 'delete' ? '' : wording,
        reason: p.reason,
        authorId: actor.participantId,
        authorName: await this.nameOf(tx.manager, actor),
        groupName: p.forGroup ? await this.rapporteurGroup(tx.manager, actor) : null,
        status: 'filed',
        moderationReason: null,
        fate: null,
        pinned: null,
        questionId: null,
        votes: null,
      }),
    );
    await tx.audit(actor.sessionId, 'amendment.filed', actor.participantId, { activityId: s.activity.id, amendmentId: saved.id, number, kind: anchor.kind, from: anchor.lineFrom, to: anchor.lineTo, parentId: p.parentId });
    // The locked state plus the new amendment (no co-signature yet): no second read of a long text.
    tx.afterCommit(() => this.broadcaster.mark(s.activity.id));
    return toAmendmentView({ ...s, amendments: [...s.amendments, saved] }, saved);
  }

  async cosign(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendment.cosign'>): Promise<AmendmentView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const { s, a } = await this.lockAmendment(tx, actor, p.amendmentId);
    if (a.status !== 'admissible' && a.authorId !== actor.participantId && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    if (a.authorId === actor.participantId) throw new AppError('AMENDMENT_OWN');
    if (s.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
    if (a.fate !== null) throw new AppError('AMENDMENT_DECIDED');
    const repo = tx.manager.getRepository(AmendmentCosign);
    if (p.support) await repo.createQueryBuilder().insert().values({ amendmentId: a.id, participantId: actor.participantId, name: await this.nameOf(tx.manager, actor) }).orIgnore().execute();
    else await repo.delete({ amendmentId: a.id, participantId: actor.participantId });
    return this.amendmentAfter(tx, s.activity.id, a.id);
  }

  async withdraw(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendment.withdraw'>): Promise<AmendmentView> {
    const { s, a } = await this.lockAmendment(tx, actor, p.amendmentId);
    if (a.authorId !== actor.participantId && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    if (a.status === 'withdrawn') return toAmendmentView(s, a);
    this.assertUndecided(s, a);
    await tx.manager.getRepository(Amendment).update(a.id, { status: 'withdrawn', pinned: null });
    // Its sub-amendments have nothing left to amend.
    await tx.manager.query(`UPDATE amendment SET fate = 'fallen' WHERE parent_id = $1 AND fate IS NULL AND status = 'admissible'`, [a.id]);
    await tx.audit(actor.sessionId, 'amendment.withdrawn', actor.participantId, { activityId: s.activity.id, amendmentId: a.id, number: a.number });
    return this.amendmentAfter(tx, s.activity.id, a.id);
  }

  /** Pre-moderation: admissible, inadmissible (with a reason), or back to filed (undo). */
  async moderate(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendment.moderate'>): Promise<AmendmentView> {
    const { s, a } = await this.lockAmendment(tx, actor, p.amendmentId);
    if (a.status === 'withdrawn') throw new AppError('INVALID_TRANSITION');
    this.assertUndecided(s, a);
    if (p.decision === 'inadmissible' && !p.reason) throw new AppError('AMENDMENT_REASON_REQUIRED');
    await tx.manager.getRepository(Amendment).update(a.id, { status: p.decision, moderationReason: p.decision === 'inadmissible' ? (p.reason ?? null) : null });
    await tx.audit(actor.sessionId, 'amendment.moderated', actor.participantId, { activityId: s.activity.id, amendmentId: a.id, number: a.number, from: a.status, to: p.decision, reason: p.reason ?? null });
    return this.amendmentAfter(tx, s.activity.id, a.id);
  }

  /** A facilitator's place for an amendment in its voting block (an audited override). */
  async move(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendment.move'>): Promise<AmendmentView> {
    const { s, a } = await this.lockAmendment(tx, actor, p.amendmentId);
    if (a.parentId !== null || a.status !== 'admissible') throw new AppError('INVALID_TRANSITION');
    await tx.manager.getRepository(Amendment).update(a.id, { pinned: p.position });
    await tx.audit(actor.sessionId, 'amendment.moved', actor.participantId, { activityId: s.activity.id, amendmentId: a.id, number: a.number, position: p.position });
    return this.amendmentAfter(tx, s.activity.id, a.id);
  }

  /** Every text the actor may read; members and screens get the admissible amendments and their own. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<AmendmentsSnapshot> {
    const me: { group_id: string | null }[] = await manager.query('SELECT group_id FROM participant WHERE id = $1', [actor.participantId]);
    const viewer = { role: actor.role, groupId: me[0]?.group_id ?? null };
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const snapshot: AmendmentsSnapshot = { texts: {} };
    for (const a of await amendmentsStore.textIds(manager, actor.sessionId)) {
      if (!canSeeActivity(viewer, { groupId: a.group_id, state: a.state }, reportBackOpen)) continue;
      const view = toTextView(await amendmentsStore.state(manager, a.id));
      snapshot.texts[a.id] = isStaffRole(actor.role) ? view : publicTextView(view, actor.participantId);
    }
    return snapshot;
  }

  /** The text's state with its activity row locked, if the actor may act on it. */
  async lock(tx: Tx, actor: ParticipantActor, activityId: string): Promise<TextState> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'amendments') throw new AppError('NOT_FOUND');
    return amendmentsStore.state(tx.manager, activity.id, true);
  }

  async lockAmendment(tx: Tx, actor: ParticipantActor, amendmentId: string): Promise<{ s: TextState; a: Amendment }> {
    const peek = await amendmentsStore.amendment(tx.manager, actor.sessionId, amendmentId);
    const s = await this.lock(tx, actor, peek.activityId);
    const a = s.amendments.find((x) => x.id === amendmentId);
    if (!a) throw new AppError('NOT_FOUND');
    return { s, a };
  }

  /** Schedules the broadcast and answers the text as it now stands (staff view). */
  async changed(tx: Tx, activityId: string): Promise<AmendmentTextView> {
    tx.afterCommit(() => this.broadcaster.mark(activityId));
    return toTextView(await amendmentsStore.state(tx.manager, activityId));
  }

  private async amendmentAfter(tx: Tx, activityId: string, amendmentId: string): Promise<AmendmentView> {
    tx.afterCommit(() => this.broadcaster.mark(activityId));
    const s = await amendmentsStore.state(tx.manager, activityId);
    return toAmendmentView(s, s.amendments.find((a) => a.id === amendmentId) as Amendment);
  }

  private assertFiling(s: TextState): void {
    if (s.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
    if (!isFilingOpen(s, new Date())) throw new AppError('AMENDMENT_DEADLINE_PASSED');
  }

  private assertUndecided(s: TextState, a: Amendment): void {
    if (a.fate !== null || (a.questionId !== null && s.questions.has(a.questionId))) throw new AppError('AMENDMENT_DECIDED');
  }

  /** The name of the working group the actor files for: only its rapporteur may. */
  private async rapporteurGroup(m: EntityManager, actor: ParticipantActor): Promise<string> {
    const group = await groupSpokenFor(m, actor);
    if (!group) throw new AppError('AMENDMENT_NOT_RAPPORTEUR');
    return group.name;
  }

  private async nameOf(m: EntityManager, actor: ParticipantActor): Promise<string> {
    const rows: { name: string }[] = await m.query('SELECT coalesce(mb.name, p.display_name) AS name FROM participant p LEFT JOIN member mb ON mb.id = p.member_id WHERE p.id = $1', [actor.participantId]);
    return rows[0]?.name ?? actor.displayName;
  }
}
