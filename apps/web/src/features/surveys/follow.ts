import type { BallotValue, QuestionView } from '@palabre/contracts';

/**
 * What a member's phone shows first in a survey: the open questions (those not answered yet
 * first), or, when none is open, the question that changed last (its results). Everything else
 * folds into « Résultats précédents », most recent first.
 */
export function splitQuestions(questions: readonly QuestionView[], myBallots: Readonly<Record<string, BallotValue>>): { current: QuestionView[]; previous: QuestionView[] } {
  const visible = questions.filter((q) => q.state !== 'draft');
  const open = visible.filter((q) => q.state === 'open');
  const latest = (q: QuestionView) => Math.max(Date.parse(q.closedAt ?? '') || 0, Date.parse(q.openedAt ?? '') || 0);
  const byRecency = [...visible].sort((a, b) => latest(b) - latest(a) || b.position - a.position);
  const current = open.length > 0
    ? [...open].sort((a, b) => Number(a.id in myBallots) - Number(b.id in myBallots) || a.position - b.position)
    : byRecency.slice(0, 1);
  const shown = new Set(current.map((q) => q.id));
  return { current, previous: byRecency.filter((q) => !shown.has(q.id)) };
}

/** Questions that were not open in `before` and are open now (none on the first look). */
export function newlyOpened(before: ReadonlySet<string> | null, questions: readonly QuestionView[]): string[] {
  if (!before) return [];
  return questions.filter((q) => q.state === 'open' && !before.has(q.id)).map((q) => q.id);
}
