import type { BoardSnapshot, IdeaView, SupportResult } from '@palabre/contracts';

/**
 * What a command's answer changes in my cached board (pure, so that the fault tests run the same
 * code as the app): my supports and dots, which only the ack carries, and my new ideas, so that I
 * can edit or withdraw them, anonymous ones included.
 */
export const ackPatches = {
  supported: (board: BoardSnapshot, result: SupportResult): BoardSnapshot => ({
    ...board,
    mine: { ...board.mine, ...result.mine },
    counts: result.count && board.counts ? [...board.counts.filter((c) => c.ideaId !== result.ideaId), result.count] : board.counts,
  }),
  posted: (board: BoardSnapshot, idea: IdeaView): BoardSnapshot => ({
    ...board,
    mine: { ...board.mine, ideaIds: board.mine.ideaIds.includes(idea.id) ? board.mine.ideaIds : [...board.mine.ideaIds, idea.id] },
    ideas: board.ideas.some((i) => i.id === idea.id) ? board.ideas.map((i) => (i.id === idea.id && i.rev <= idea.rev ? idea : i)) : [...board.ideas, idea],
  }),
};
