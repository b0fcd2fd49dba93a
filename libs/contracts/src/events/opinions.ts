import { z } from 'zod';
import { Uuid, Versioned, text } from '../common';
import { OPINIONS_LIMITS, OpinionAgreements, OpinionAnswerResult, OpinionMapView, OpinionStatementView, OpinionVote } from '../opinions/schemas';
import { command, event } from './define';

export const OPINIONS_COMMANDS = {
  'opinions.propose': command(
    { activityId: Uuid, text: text(1, OPINIONS_LIMITS.textMax).describe('A short statement to agree or disagree with') },
    OpinionStatementView,
    'Write a statement: staff statements are visible at once; members’ follow the map’s moderation (off: refused, pre: pending, post: visible).',
  ),
  'opinions.promote': command(
    { activityId: Uuid, ideaIds: z.array(Uuid).min(1).max(OPINIONS_LIMITS.promoteMax).describe('Ideas of an idea board of the same session') },
    z.array(OpinionStatementView),
    'Staff: turn ideas of an idea board into statements (visible at once); an idea already promoted to this map is not added twice.',
  ),
  'opinions.moderate': command(
    { statementId: Uuid, action: z.enum(['approve', 'reject', 'hide', 'restore']) },
    OpinionStatementView,
    'Staff: approve or reject a pending statement, hide a visible one or restore a hidden or rejected one. Hidden statements leave the map.',
  ),
  'opinions.answer': command(
    { statementId: Uuid, vote: OpinionVote },
    OpinionAnswerResult,
    'Answer a visible statement « d’accord », « pas d’accord » or « passer »; answering again changes the answer. Returns the next statement to answer.',
  ),
} as const;

export const OPINIONS_EVENTS = {
  'opinions.statement.updated': event(
    Versioned.extend({ statement: OpinionStatementView }),
    'session',
    'A statement was added or changed: to the map’s audience when it is or was visible, else to the staff and its author. Members drop statements that are not visible.',
    true,
  ),
  'opinions.map.updated': event(
    Versioned.extend({ activityId: Uuid, map: OpinionMapView }),
    'display',
    'The map was recomputed after answers (coalesced): dots, groups, consensus and divisive statements, lenses. A full state, idempotent. To the staff and the screens (projectors) only; members get `opinions.agreements.updated`.',
    true,
  ),
  'opinions.agreements.updated': event(
    Versioned.extend({ activityId: Uuid, agreements: OpinionAgreements }),
    'session',
    'The map was recomputed: what each opinion group agrees with most and the strongest consensus statements (a few hundred bytes instead of the whole map). To the map’s audience. A full state, idempotent.',
    true,
  ),
  'opinions.group.updated': event(
    Versioned.extend({ activityId: Uuid, group: z.number().int().nullable() }),
    'participant',
    'The caller’s own opinion group on the last map changed.',
    true,
  ),
} as const;
