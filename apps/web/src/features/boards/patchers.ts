import type { BoardSnapshot, BoardsFeature, SessionSnapshot } from '@palabre/contracts';
import { patchFeature, type SnapshotPatchers } from '../../lib/patchers';

const EMPTY: BoardsFeature = { blocked: false, boards: {} };

function patchBoard(snapshot: SessionSnapshot, activityId: string, update: (board: BoardSnapshot) => BoardSnapshot): SessionSnapshot {
  return patchFeature(snapshot, 'boards', (current) => {
    const feature = current ?? EMPTY;
    const board = feature.boards[activityId];
    // A board we do not know yet arrives whole with the next snapshot (the view asks for it).
    if (!board) return feature;
    return { ...feature, boards: { ...feature.boards, [activityId]: update(board) } };
  });
}

/** How board events change `snapshot.features.boards`. Every event is a full-state upsert. */
export const boardPatchers: SnapshotPatchers = {
  'idea.updated': (snapshot, { activityId, idea }) =>
    patchBoard(snapshot, activityId, (board) => {
      const known = board.ideas.find((i) => i.id === idea.id);
      if (known && known.rev > idea.rev) return board; // an older revision arriving late
      const ideas = known ? board.ideas.map((i) => (i.id === idea.id ? idea : i)) : [...board.ideas, idea];
      return { ...board, ideas };
    }),
  'idea.removed': (snapshot, { activityId, ideaId }) =>
    patchBoard(snapshot, activityId, (board) => ({
      ...board,
      ideas: board.ideas.filter((i) => i.id !== ideaId),
      comments: board.comments.filter((c) => c.ideaId !== ideaId),
    })),
  'comment.updated': (snapshot, { activityId, comment }) =>
    patchBoard(snapshot, activityId, (board) => {
      const others = board.comments.filter((c) => c.id !== comment.id);
      return { ...board, comments: [...others, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
    }),
  'support.updated': (snapshot, { activityId, counts }) =>
    patchBoard(snapshot, activityId, (board) => {
      const updated = new Map((board.counts ?? []).map((c) => [c.ideaId, c]));
      for (const count of counts) updated.set(count.ideaId, count);
      return { ...board, counts: [...updated.values()] };
    }),
  'board.updated': (snapshot, { activityId, board: view }) =>
    patchFeature(snapshot, 'boards', (current) => {
      const feature = current ?? EMPTY;
      const known = feature.boards[activityId];
      // A board just opened may already hold ideas: its view asks for the full snapshot instead.
      if (!known) return feature;
      const staff = snapshot.me.role === 'facilitator' || snapshot.me.role === 'organiser';
      const counts = view.supportsHidden && !staff ? null : (known.counts ?? []);
      return { ...feature, boards: { ...feature.boards, [activityId]: { ...known, board: view, counts } } };
    }),
  'participant.blocked': (snapshot, { participantId, blocked }) =>
    participantId === snapshot.me.id ? patchFeature(snapshot, 'boards', (current) => ({ ...(current ?? EMPTY), blocked })) : snapshot,
};
