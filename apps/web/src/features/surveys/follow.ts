import type { QuestionView } from '@palabre/contracts';

/**
 * What a member's phone shows first in a survey: the open questions, or, when none is open, the question that changed last (its results). Everything else
 * folds into « Résultats précédents », most recent first.
 */
export function splitQuestions(questions: readonly QuestionView[]): { current: QuestionView[]; previous: QuestionView[] } {
  const visible = questions.filter((q) => q.state !== 'draft');
  const open = visible.filter((q) => q.state === 'open');
  const latest = (q: QuestionView) => Math.max(Date.parse(q.closedAt ?? '') || 0, Date.parse(q.openedAt ?? '') || 0);
  const byRecency = [...visible].sort((a, b) => latest(b) - latest(a) || b.position - a.position);
  // Open questions keep the agenda's order: a ballot never moves while the member is on it.
  const current = open.length > 0 ? open : byRecency.slice(0, 1);
  const shown = new Set(current.map((q) => q.id));
  return { current, previous: byRecency.filter((q) => !shown.has(q.id)) };
}

/** Questions that were not open in `before` and are open now (none on the first look). */
export function newlyOpened(before: ReadonlySet<string> | null, questions: readonly QuestionView[]): string[] {
  if (!before) return [];
  return questions.filter((q) => q.state === 'open' && !before.has(q.id)).map((q) => q.id);
}
