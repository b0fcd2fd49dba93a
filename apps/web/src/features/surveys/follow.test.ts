import { describe, expect, it } from 'vitest';
import type { QuestionView } from '@palabre/contracts';
import { newlyOpened, splitQuestions } from './follow';

const q = (id: string, position: number, state: QuestionView['state'], openedAt: string | null = null, closedAt: string | null = null): QuestionView => ({
  id, activityId: 'a', position, prompt: id, state, openedAt, closedAt, config: { type: 'yesno' },
});

describe('following the room in a survey', () => {
  const answered = [
    q('q1', 0, 'published', '2026-12-03T09:00:00Z', '2026-12-03T09:05:00Z'),
    q('q2', 1, 'closed', '2026-12-03T09:10:00Z', '2026-12-03T09:15:00Z'),
    q('q3', 2, 'published', '2026-12-03T09:20:00Z', '2026-12-03T09:25:00Z'),
  ];

  it('puts the open question first and folds the earlier ones, most recent first', () => {
    const { current, previous } = splitQuestions([...answered, q('q4', 3, 'open', '2026-12-03T09:30:00Z'), q('q5', 4, 'draft')]);
    expect(current.map((x) => x.id)).toEqual(['q4']);
    expect(previous.map((x) => x.id)).toEqual(['q3', 'q2', 'q1']);
  });

  it('keeps open questions in the agenda order, answered or not, so a ballot never moves under the finger', () => {
    const open = [q('q1', 0, 'open'), q('q2', 1, 'open')];
    expect(splitQuestions(open).current.map((x) => x.id)).toEqual(['q1', 'q2']);
  });

  it('shows the last question closed when none is open', () => {
    const { current, previous } = splitQuestions(answered);
    expect(current.map((x) => x.id)).toEqual(['q3']);
    expect(previous.map((x) => x.id)).toEqual(['q2', 'q1']);
  });

  it('notices a question opening, but not what was open on arrival', () => {
    const now = [q('q1', 0, 'closed'), q('q2', 1, 'open')];
    expect(newlyOpened(null, now)).toEqual([]);
    expect(newlyOpened(new Set(['q1']), now)).toEqual(['q2']);
    expect(newlyOpened(new Set(['q2']), now)).toEqual([]);
  });
});
