import { describe, expect, it } from 'vitest';
import type { ActivitySummary } from '@palabre/contracts';
import { currentActivity, selectActivity } from './activities';

const activity = (id: string, position: number, state: ActivitySummary['state']): ActivitySummary =>
  ({ id, position, state, kind: 'survey', title: id, groupId: null }) as unknown as ActivitySummary;

// Agenda: survey (closed), board (open), groups (open), Q&A (draft).
const agenda = [activity('board', 1, 'open'), activity('survey', 0, 'closed'), activity('groups', 2, 'open'), activity('qna', 3, 'draft')];

describe('the activity a phone shows', () => {
  it('is the last started item in agenda order when nothing was launched', () => {
    expect(currentActivity(agenda)?.id).toBe('groups');
  });

  it('follows the item the facilitator launched, even before a later running one', () => {
    expect(currentActivity(agenda, 'board')?.id).toBe('board');
  });

  it('ignores a launched item still in draft or not visible to this viewer', () => {
    expect(currentActivity(agenda, 'qna')?.id).toBe('groups');
    expect(currentActivity(agenda, 'another-group-board')?.id).toBe('groups');
  });

  it('lets the member’s own pick in the agenda win over the launched item', () => {
    expect(selectActivity(agenda, 'survey', 'board')?.id).toBe('survey');
    expect(selectActivity(agenda, null, 'board')?.id).toBe('board');
  });
});
