import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AMENDMENT_LIMITS, AmendmentsConfig, type AmendmentTextView, type AmendmentView, type AmendmentsSnapshot, type CommandPayload } from '@palabre/contracts';
import { isStaffRole, numberLines, trimAscii } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { canSeeActivity, readReportBackOpen, readSessionActivities } from '../sessions/audience';
import { AmendmentsBroadcaster } from './amendments.broadcaster';
import type { Amendment } from './amendments.entities';
import { groupSpokenFor } from '../groups/rapporteur';
import { amendmentsRepository, type TextState } from './amendments.repository';
import { isFilingOpen, publicTextView, toAmendmentView, toTextView } from './amendments.views';

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
    await amendmentsRepository.insertText(tx.manager, {
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

  async setText(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendments.text.set'>): Promise<AmendmentTextView> {
    const state = await this.lock(tx, actor, payload.activityId);
    if (state.activity.state === 'closed') throw new AppError('AMENDMENTS_CLOSED');
    if (state.amendments.length > 0) throw new AppError('AMENDMENT_TEXT_LOCKED');
    const lines = numberLines(payload.source);
    await amendmentsRepository.setLines(tx.manager, state.activity.id, lines);
    await tx.audit(actor.sessionId, 'amendments.text.set', actor.participantId, { activityId: state.activity.id, lines: lines.length, format: payload.format });
    return this.changed(tx, state.activity.id);
  }

  async setDeadline(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendments.deadline'>): Promise<AmendmentTextView> {
    const state = await this.lock(tx, actor, payload.activityId);
    await amendmentsRepository.setDeadline(tx.manager, state.activity.id, payload.deadline ? new Date(payload.deadline) : null);
    await tx.audit(actor.sessionId, 'amendments.deadline', actor.participantId, { activityId: state.activity.id, deadline: payload.deadline });
    return this.changed(tx, state.activity.id);
  }

  async file(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendment.file'>): Promise<AmendmentView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    // The text's row lock serialises filings: numbers follow the order of arrival.
    const state = await this.lock(tx, actor, payload.activityId);
    this.assertFiling(state);
    if (state.amendments.length >= AMENDMENT_LIMITS.perText) throw new AppError('AMENDMENT_TOO_MANY');
    const wording = payload.wording
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map(trimAscii)
      .join('\n')
      .trim();
    let anchor: Pick<Amendment, 'kind' | 'lineFrom' | 'lineTo'>;
    if (payload.parentId) {
      const parent = state.amendments.find((amendment) => amendment.id === payload.parentId);
      const visible = parent && (parent.status === 'admissible' || parent.authorId === actor.participantId || isStaffRole(actor.role));
      if (!parent || !visible) throw new AppError('NOT_FOUND');
      if (parent.parentId !== null || parent.kind === 'delete' || parent.fate !== null || parent.status === 'withdrawn' || parent.status === 'inadmissible') throw new AppError('AMENDMENT_NOT_AMENDABLE');
      anchor = { kind: parent.kind, lineFrom: parent.lineFrom, lineTo: parent.lineTo };
    } else {
      const count = state.text.lines.length;
      const ok = payload.kind === 'insert' ? payload.from <= count : payload.from >= 1 && payload.from <= payload.to && payload.to <= count;
      if (!ok) throw new AppError('AMENDMENT_BAD_ANCHOR');
      anchor = { kind: payload.kind, lineFrom: payload.from, lineTo: payload.kind === 'insert' ? payload.from : payload.to };
    }
    if (anchor.kind !== 'delete' && wording === '') throw new AppError('AMENDMENT_WORDING_REQUIRED');
    const number = (state.amendments[state.amendments.length - 1]?.number ?? 0) + 1;
    const saved = await amendmentsRepository.insertAmendment(tx.manager, {
      sessionId: actor.sessionId,
      activityId: state.activity.id,
      number,
      parentId: payload.parentId,
      ...anchor,
      wording: anchor.kind === 'delete' ? '' : wording,
      reason: payload.reason,
      authorId: actor.participantId,
      authorName: await this.nameOf(tx.manager, actor),
      groupName: payload.forGroup ? await this.rapporteurGroup(tx.manager, actor) : null,
    });
    await tx.audit(actor.sessionId, 'amendment.filed', actor.participantId, { activityId: state.activity.id, amendmentId: saved.id, number, kind: anchor.kind, from: anchor.lineFrom, to: anchor.lineTo, parentId: payload.parentId });
    // The locked state plus the new amendment (no co-signature yet): no second read of a long text.
    tx.afterCommit(() => this.broadcaster.mark(state.activity.id));
    return toAmendmentView({ ...state, amendments: [...state.amendments, saved] }, saved);
  }

  async cosign(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendment.cosign'>): Promise<AmendmentView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const { state, amendment } = await this.lockAmendment(tx, actor, payload.amendmentId);
    if (amendment.status !== 'admissible' && amendment.authorId !== actor.participantId && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    if (amendment.authorId === actor.participantId) throw new AppError('AMENDMENT_OWN');
    if (state.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
    if (amendment.fate !== null) throw new AppError('AMENDMENT_DECIDED');
    if (payload.support) await amendmentsRepository.addCosign(tx.manager, amendment.id, actor.participantId, await this.nameOf(tx.manager, actor));
    else await amendmentsRepository.removeCosign(tx.manager, amendment.id, actor.participantId);
    return this.amendmentAfter(tx, state.activity.id, amendment.id);
  }

  async withdraw(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendment.withdraw'>): Promise<AmendmentView> {
    const { state, amendment } = await this.lockAmendment(tx, actor, payload.amendmentId);
    if (amendment.authorId !== actor.participantId && !isStaffRole(actor.role)) throw new AppError('NOT_FOUND');
    if (amendment.status === 'withdrawn') return toAmendmentView(state, amendment);
    this.assertUndecided(state, amendment);
    await amendmentsRepository.withdraw(tx.manager, amendment.id);
    // Its sub-amendments have nothing left to amend.
    await amendmentsRepository.fellSubAmendments(tx.manager, amendment.id);
    await tx.audit(actor.sessionId, 'amendment.withdrawn', actor.participantId, { activityId: state.activity.id, amendmentId: amendment.id, number: amendment.number });
    return this.amendmentAfter(tx, state.activity.id, amendment.id);
  }

  /** Pre-moderation: admissible, inadmissible (with a reason), or back to filed (undo). */
  async moderate(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendment.moderate'>): Promise<AmendmentView> {
    const { state, amendment } = await this.lockAmendment(tx, actor, payload.amendmentId);
    if (amendment.status === 'withdrawn') throw new AppError('INVALID_TRANSITION');
    this.assertUndecided(state, amendment);
    if (payload.decision === 'inadmissible' && !payload.reason) throw new AppError('AMENDMENT_REASON_REQUIRED');
    await amendmentsRepository.setStatus(tx.manager, amendment.id, payload.decision, payload.decision === 'inadmissible' ? (payload.reason ?? null) : null);
    await tx.audit(actor.sessionId, 'amendment.moderated', actor.participantId, { activityId: state.activity.id, amendmentId: amendment.id, number: amendment.number, from: amendment.status, to: payload.decision, reason: payload.reason ?? null });
    return this.amendmentAfter(tx, state.activity.id, amendment.id);
  }

  /** A facilitator's place for an amendment in its voting block (an audited override). */
  async move(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendment.move'>): Promise<AmendmentView> {
    const { state, amendment } = await this.lockAmendment(tx, actor, payload.amendmentId);
    if (amendment.parentId !== null || amendment.status !== 'admissible') throw new AppError('INVALID_TRANSITION');
    await amendmentsRepository.setPinned(tx.manager, amendment.id, payload.position);
    await tx.audit(actor.sessionId, 'amendment.moved', actor.participantId, { activityId: state.activity.id, amendmentId: amendment.id, number: amendment.number, position: payload.position });
    return this.amendmentAfter(tx, state.activity.id, amendment.id);
  }

  /** Every text the actor may read; members and screens get the admissible amendments and their own. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<AmendmentsSnapshot> {
    const viewer = { role: actor.role, groupId: actor.groupId };
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const snapshot: AmendmentsSnapshot = { texts: {} };
    for (const amendment of await readSessionActivities(manager, actor.sessionId, 'amendments')) {
      if (!canSeeActivity(viewer, amendment, reportBackOpen)) continue;
      const view = toTextView(await amendmentsRepository.state(manager, amendment.id));
      snapshot.texts[amendment.id] = isStaffRole(actor.role) ? view : publicTextView(view, actor.participantId);
    }
    return snapshot;
  }

  /** The text's state with its activity row locked, if the actor may act on it. */
  async lock(tx: Tx, actor: ParticipantActor, activityId: string): Promise<TextState> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'amendments') throw new AppError('NOT_FOUND');
    return amendmentsRepository.state(tx.manager, activity.id, true);
  }

  async lockAmendment(tx: Tx, actor: ParticipantActor, amendmentId: string): Promise<{ state: TextState; amendment: Amendment }> {
    const peek = await amendmentsRepository.amendment(tx.manager, actor.sessionId, amendmentId);
    const state = await this.lock(tx, actor, peek.activityId);
    const amendment = state.amendments.find((x) => x.id === amendmentId);
    if (!amendment) throw new AppError('NOT_FOUND');
    return { state, amendment };
  }

  /** Schedules the broadcast and answers the text as it now stands (staff view). */
  async changed(tx: Tx, activityId: string): Promise<AmendmentTextView> {
    tx.afterCommit(() => this.broadcaster.mark(activityId));
    return toTextView(await amendmentsRepository.state(tx.manager, activityId));
  }

  private async amendmentAfter(tx: Tx, activityId: string, amendmentId: string): Promise<AmendmentView> {
    tx.afterCommit(() => this.broadcaster.mark(activityId));
    const state = await amendmentsRepository.state(tx.manager, activityId);
    return toAmendmentView(state, state.amendments.find((amendment) => amendment.id === amendmentId) as Amendment);
  }

  private assertFiling(state: TextState): void {
    if (state.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
    if (!isFilingOpen(state, new Date())) throw new AppError('AMENDMENT_DEADLINE_PASSED');
  }

  private assertUndecided(state: TextState, amendment: Amendment): void {
    if (amendment.fate !== null || (amendment.questionId !== null && state.questions.has(amendment.questionId))) throw new AppError('AMENDMENT_DECIDED');
  }

  /** The name of the working group the actor files for: only its rapporteur may. */
  private async rapporteurGroup(m: EntityManager, actor: ParticipantActor): Promise<string> {
    const group = await groupSpokenFor(m, actor);
    if (!group) throw new AppError('AMENDMENT_NOT_RAPPORTEUR');
    return group.name;
  }

  private async nameOf(m: EntityManager, actor: ParticipantActor): Promise<string> {
    return (await amendmentsRepository.participantName(m, actor.participantId)) ?? actor.displayName;
  }
}
