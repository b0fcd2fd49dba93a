import type { ActivitySummary, BoardsFeature, IdeaStatus, QnaQuestionStatus, QnaSnapshot } from '@palabre/contracts';

/** One idea or question in the console's moderation queue, whatever activity it belongs to. */
export interface QueueItem {
  kind: 'idea' | 'question';
  id: string;
  activityId: string;
  activityTitle: string;
  text: string;
  /** Null when posted anonymously. */
  author: string | null;
  status: IdeaStatus | QnaQuestionStatus;
  pinned: boolean;
  createdAt: string;
}

export interface ModerationQueue {
  /** Waiting for approval (pre-moderation), oldest first: a queue. */
  pending: QueueItem[];
  /** Hidden or refused, newest first: the undo list. */
  hidden: QueueItem[];
  /** The newest published items (post-moderation: hide or pin them quickly). */
  recent: QueueItem[];
}

export const RECENT_ITEMS = 5;

const oldestFirst = (a: QueueItem, b: QueueItem) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const newestFirst = (a: QueueItem, b: QueueItem) => -oldestFirst(a, b);

/**
 * The moderation queue across every board and Q&A of the session, from the staff snapshot
 * (which holds every idea and question whatever their status, patched live by their events).
 */
export function moderationQueue(activities: readonly ActivitySummary[], boards: BoardsFeature | undefined, qna: QnaSnapshot | undefined): ModerationQueue {
  const titles = new Map(activities.map((a) => [a.id, a.title]));
  const items: QueueItem[] = [];
  for (const [activityId, board] of Object.entries(boards?.boards ?? {})) {
    if (!titles.has(activityId)) continue;
    for (const idea of board.ideas) {
      items.push({
        kind: 'idea',
        id: idea.id,
        activityId,
        activityTitle: titles.get(activityId) ?? '',
        text: idea.title,
        author: idea.authorName,
        status: idea.status,
        pinned: idea.pinned,
        createdAt: idea.createdAt,
      });
    }
  }
  for (const q of qna?.questions ?? []) {
    if (!titles.has(q.activityId)) continue;
    items.push({
      kind: 'question',
      id: q.id,
      activityId: q.activityId,
      activityTitle: titles.get(q.activityId) ?? '',
      text: q.text,
      author: q.authorName,
      status: q.status,
      pinned: false,
      createdAt: q.createdAt,
    });
  }
  return {
    pending: items.filter((i) => i.status === 'pending').sort(oldestFirst),
    hidden: items.filter((i) => i.status === 'hidden' || i.status === 'rejected').sort(newestFirst),
    recent: items.filter((i) => i.status === 'visible' || i.status === 'answering').sort(newestFirst).slice(0, RECENT_ITEMS),
  };
}
