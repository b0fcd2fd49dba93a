import type { EventDefinition } from './define';
import type { EventName } from './index';

/**
 * What the web app needs to know about each event at run time, without zod: its audience and
 * whether it bumps the session version. Exhaustive: an event added to EVENTS fails to compile
 * until it has its line here; `meta.spec.ts` checks the values against EVENTS.
 */
export interface EventMeta {
  scope: EventDefinition['scope'];
  /** Carries the current version without bumping it (presence, live results, scoped upserts). */
  volatile: boolean;
}

export const EVENT_META = {
  'session.updated': { scope: 'session', volatile: false },
  'activity.created': { scope: 'session', volatile: false },
  'activity.updated': { scope: 'session', volatile: false },
  'activity.deleted': { scope: 'session', volatile: false },
  'presence.updated': { scope: 'session', volatile: true },
  'participant.revoked': { scope: 'participant', volatile: false },
  'duplicates.updated': { scope: 'staff', volatile: true },
  'participant.updated': { scope: 'participant', volatile: true },
  'idea.updated': { scope: 'session', volatile: true },
  'idea.removed': { scope: 'session', volatile: true },
  'idea.moderated': { scope: 'participant', volatile: true },
  'comment.updated': { scope: 'session', volatile: true },
  'support.updated': { scope: 'session', volatile: true },
  'board.updated': { scope: 'session', volatile: true },
  'participant.blocked': { scope: 'participant', volatile: true },
  'survey.updated': { scope: 'session', volatile: false },
  'survey.drafts.updated': { scope: 'staff', volatile: true },
  'results.updated': { scope: 'session', volatile: true },
  'ballot.recorded': { scope: 'participant', volatile: true },
  'qna.question.created': { scope: 'session', volatile: false },
  'qna.question.updated': { scope: 'session', volatile: false },
  'qna.queue.updated': { scope: 'staff', volatile: true },
  'qna.question.removed': { scope: 'session', volatile: false },
  'qna.votes.updated': { scope: 'session', volatile: true },
  'qna.settings.updated': { scope: 'session', volatile: true },
  'opinions.statement.updated': { scope: 'session', volatile: true },
  'opinions.map.updated': { scope: 'display', volatile: true },
  'opinions.agreements.updated': { scope: 'session', volatile: true },
  'opinions.group.updated': { scope: 'participant', volatile: true },
  'floor.list.updated': { scope: 'session', volatile: true },
  'amendments.updated': { scope: 'session', volatile: true },
  'screen.changed': { scope: 'session', volatile: false },
  'agenda.current': { scope: 'session', volatile: false },
  'agenda.planned': { scope: 'staff', volatile: true },
  'timer.updated': { scope: 'session', volatile: false },
  'timer.warning': { scope: 'session', volatile: false },
  'activity.autoClosed': { scope: 'session', volatile: false },
  'room.quorum': { scope: 'staff', volatile: true },
  'attendance.changed': { scope: 'staff', volatile: true },
  'groups.updated': { scope: 'session', volatile: false },
  'group.membersMoved': { scope: 'participant', volatile: true },
  'synthesis.updated': { scope: 'group', volatile: true },
  'synthesis.commented': { scope: 'group', volatile: true },
  'group.seeded': { scope: 'group', volatile: true },
  'groups.reportBackOpened': { scope: 'session', volatile: false },
  'groups.presented': { scope: 'session', volatile: false },
  'proxy.updated': { scope: 'participant', volatile: true },
  'proxy.request.updated': { scope: 'participant', volatile: true },
  'proxy.settings.updated': { scope: 'staff', volatile: true },
  'paper.updated': { scope: 'staff', volatile: true },
} as const satisfies Record<EventName, EventMeta>;
