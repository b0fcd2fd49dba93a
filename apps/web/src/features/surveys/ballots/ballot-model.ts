import { shuffledFor, validateBallot } from '@palabre/domain';
import type { BallotValue, QuestionOption, QuestionView } from '@palabre/contracts';
import { required } from './ranking-model';

/**
 * The ballot a member starts from: their own when they already voted; a ranking pre-filled in an
 * order of their own when the facilitator asked for it; otherwise nothing (a ranking starts unranked).
 */
export function initialBallot(question: QuestionView, options: readonly QuestionOption[], mine: BallotValue | undefined, participantId: string): BallotValue | undefined {
  if (mine) return mine;
  const config = question.config;
  if (config.type === 'ranking' && config.prefill === 'shuffled') {
    const order = shuffledFor(options.map((o) => o.id), `${participantId}:${question.id}:prefill`);
    return { type: 'ranking', ranking: order.slice(0, required(config.topK, options.length)) };
  }
  return undefined;
}

/** Whether « Voter » may send this draft: the server's own rule (libs/domain validateBallot). */
export function canSend(question: QuestionView, draft: BallotValue | undefined): boolean {
  return draft !== undefined && validateBallot(question.config, draft).ok;
}

/** How far a multi-step ballot is (options ranked or graded), for the line next to « Voter ». */
export function progress(question: QuestionView, draft: BallotValue | undefined): { done: number; needed: number } | null {
  const config = question.config;
  if (config.type === 'ranking') return { done: draft?.type === 'ranking' ? draft.ranking.length : 0, needed: required(config.topK, config.options.length) };
  if (config.type === 'majority') return { done: draft?.type === 'majority' ? Object.keys(draft.grades).length : 0, needed: config.options.length };
  return null;
}
