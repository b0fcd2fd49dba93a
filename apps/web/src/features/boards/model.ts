import type { BoardSnapshot, CommentView, IdeaView, SupportCount } from '@palabre/contracts';

export type IdeaSort = 'newest' | 'supported' | 'column';
export const IDEA_SORTS: readonly IdeaSort[] = ['newest', 'supported', 'column'];

export function countOf(board: BoardSnapshot, ideaId: string): SupportCount | null {
  if (board.counts === null) return null;
  return board.counts.find((c) => c.ideaId === ideaId) ?? { ideaId, supports: 0, supporters: 0 };
}

export function myDots(board: BoardSnapshot, ideaId: string): number {
  return board.mine.supports.find((s) => s.ideaId === ideaId)?.dots ?? 0;
}

/** Visible comments of an idea (tombstones included, to keep replies in place) and their count. */
export function commentsOf(board: BoardSnapshot, ideaId: string): { comments: CommentView[]; count: number } {
  const comments = board.comments.filter((c) => c.ideaId === ideaId);
  return { comments, count: comments.filter((c) => !c.deleted).length };
}

/**
 * Ideas in display order: pinned first, then by the chosen sort. Merged originals are not
 * cards of their own: they appear inside their target's « fusion de … ».
 */
export function sortIdeas(board: BoardSnapshot, ideas: readonly IdeaView[], sort: IdeaSort): IdeaView[] {
  const columnIndex = new Map(board.board.columns.map((c, i) => [c.id, i]));
  const supports = (i: IdeaView) => countOf(board, i.id)?.supports ?? 0;
  return ideas
    .filter((i) => i.status !== 'merged' && i.status !== 'withdrawn')
    .sort((a, b) => {
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      if (sort === 'supported' && supports(a) !== supports(b)) return supports(b) - supports(a);
      if (sort === 'column') {
        const byColumn = (columnIndex.get(a.columnId) ?? 0) - (columnIndex.get(b.columnId) ?? 0);
        if (byColumn !== 0) return byColumn;
      }
      return b.createdAt.localeCompare(a.createdAt);
    });
}

/** The projector's « top ideas »: the most supported visible ideas. */
export function topIdeas(board: BoardSnapshot, limit = 5): { idea: IdeaView; supports: number }[] {
  if (board.counts === null) return [];
  return board.ideas
    .filter((i) => i.status === 'visible')
    .map((idea) => ({ idea, supports: countOf(board, idea.id)?.supports ?? 0 }))
    .filter((x) => x.supports > 0)
    .sort((a, b) => b.supports - a.supports || a.idea.title.localeCompare(b.idea.title))
    .slice(0, limit);
}

export function isMine(board: BoardSnapshot, idea: IdeaView): boolean {
  return board.mine.ideaIds.includes(idea.id);
}
