import { z } from 'zod';
import { Uuid, Versioned, plainText, text } from '../common';
import {
  BOARD_LIMITS,
  BoardSettingsPatch,
  BoardView,
  ColumnId,
  CommentView,
  IdeaStatus,
  IdeaView,
  SimilarIdea,
  SupportCount,
  SupportResult,
} from '../boards/board';
import { command, event } from './define';

const IdeaRef = { activityId: Uuid, ideaId: Uuid };
const Title = text(1, BOARD_LIMITS.ideaTitle);
const Body = plainText().trim().max(BOARD_LIMITS.ideaBody).default('').describe('Optional details');
const Reason = text(1, BOARD_LIMITS.reason).describe('Told to the author');

export const BOARD_COMMANDS = {
  // Members (and staff)
  'idea.post': command(
    { activityId: Uuid, columnId: ColumnId, title: Title, body: Body, anonymous: z.boolean().default(false) },
    IdeaView,
    'Post an idea into a column (pending when the board is pre-moderated).',
  ),
  'idea.edit': command({ ...IdeaRef, title: Title, body: Body, columnId: ColumnId.optional() }, IdeaView, 'Edit my own idea, until a facilitator has acted on it.'),
  'idea.withdraw': command(IdeaRef, IdeaView, 'Withdraw my own idea, until a facilitator has acted on it.'),
  'idea.support': command(IdeaRef, SupportResult, 'Support an idea (single mode: idempotent) or put one more dot on it (dots mode).'),
  'idea.unsupport': command(IdeaRef, SupportResult, 'Take back my support (single) or one dot (dots).'),
  'idea.similar': command(
    { activityId: Uuid, text: plainText().trim().min(3).max(BOARD_LIMITS.similarText), excludeIdeaId: Uuid.optional() },
    z.array(SimilarIdea),
    'Ideas of the board that look like this text (trigram similarity, or a word-overlap fallback).',
  ),
  'comment.post': command(
    { ...IdeaRef, parentId: Uuid.optional().describe('Reply to this top-level comment'), body: text(1, BOARD_LIMITS.comment) },
    CommentView,
    'Comment on an idea, or reply to a comment (one level).',
  ),
  'comment.edit': command({ activityId: Uuid, commentId: Uuid, body: text(1, BOARD_LIMITS.comment) }, CommentView, 'Edit my own comment.'),
  'comment.delete': command({ activityId: Uuid, commentId: Uuid }, CommentView, 'Delete my own comment (staff: any comment).'),
  // Staff
  'idea.approve': command(IdeaRef, IdeaView, 'Pre-moderation: publish a pending idea.'),
  'idea.reject': command({ ...IdeaRef, reason: Reason }, IdeaView, 'Pre-moderation: refuse a pending idea, with a reason told to its author.'),
  'idea.hide': command({ ...IdeaRef, reason: Reason.optional() }, IdeaView, 'Hide a visible idea (the author is told why).'),
  'idea.restore': command(IdeaRef, IdeaView, 'Undo a hide or a reject: the idea is visible again.'),
  'idea.pin': command({ ...IdeaRef, pinned: z.boolean() }, IdeaView, 'Pin or unpin an idea at the top of its column.'),
  'idea.correct': command(
    { ...IdeaRef, title: Title, body: Body, columnId: ColumnId.optional() },
    IdeaView,
    'Correct an idea (typo, column): marked « modifié par l’animation ».',
  ),
  'idea.tag': command(
    {
      ...IdeaRef,
      tags: z.array(text(1, BOARD_LIMITS.tag)).max(BOARD_LIMITS.tags),
      cluster: text(1, BOARD_LIMITS.cluster).nullable().describe('Cluster name; null to leave the cluster'),
    },
    IdeaView,
    'Set the tags and cluster of an idea.',
  ),
  'idea.merge': command(
    { activityId: Uuid, targetId: Uuid, sourceIds: z.array(Uuid).min(1).max(BOARD_LIMITS.mergeSources) },
    IdeaView,
    'Merge duplicates into the target: supports combined without counting a member twice, comments kept, originals viewable.',
  ),
  'board.open': command({ activityId: Uuid }, BoardView, 'Open a draft board to the members.'),
  'board.lock': command({ activityId: Uuid, locked: z.boolean() }, BoardView, 'Lock the board (read-only for members) or unlock it.'),
  'board.settings': command({ activityId: Uuid, ...BoardSettingsPatch }, BoardView, 'Change columns, moderation, support mode and visibility.'),
  'participant.block': command(
    { participantId: Uuid.optional(), ideaId: Uuid.optional().describe('Block the author of this idea (anonymous ideas included)'), blocked: z.boolean() },
    z.object({ participantId: Uuid, blocked: z.boolean() }),
    'Suspend (or restore) a member’s contributions in this session. Give participantId or ideaId.',
  ),
} as const;

const Board = { activityId: Uuid };

/**
 * Board events are volatile full-state upserts (see docs/decisions.md): they go to different
 * audiences (members, staff, the author), so they do not bump the session version; each idea
 * carries its own `rev` and a client keeps the newest.
 */
export const BOARD_EVENTS = {
  'idea.updated': event(Versioned.extend({ ...Board, idea: IdeaView }), 'session', 'An idea was posted, edited, moderated or merged (members only get visible and merged ideas; staff and the author get the rest).', true),
  'idea.removed': event(Versioned.extend({ ...Board, ideaId: Uuid }), 'session', 'An idea left the members’ view (hidden, withdrawn).', true),
  'idea.moderated': event(
    Versioned.extend({
      ...Board,
      ideaId: Uuid,
      title: z.string(),
      status: IdeaStatus,
      action: z.enum(['approved', 'rejected', 'hidden', 'restored', 'merged', 'corrected']),
      reason: z.string().nullable(),
    }),
    'participant',
    'To the author: a facilitator acted on your idea (with the reason when hidden or rejected).',
    true,
  ),
  'comment.updated': event(Versioned.extend({ ...Board, comment: CommentView }), 'session', 'A comment was posted, edited or deleted (tombstone).', true),
  'support.updated': event(
    Versioned.extend({ ...Board, counts: z.array(SupportCount) }),
    'session',
    'Support counts of some ideas (coalesced; staff only while supports are hidden).',
    true,
  ),
  'board.updated': event(Versioned.extend({ ...Board, board: BoardView }), 'session', 'Board settings or state changed.', true),
  'participant.blocked': event(
    Versioned.extend({ participantId: Uuid, blocked: z.boolean() }),
    'participant',
    'Your contributions were suspended or restored (staff receive it too).',
    true,
  ),
} as const;
