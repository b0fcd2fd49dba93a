import { describe, expect, it } from 'vitest';
import type { ActivitySummary } from '@palabre/contracts';
import { projection } from './projection';

const survey: ActivitySummary = { id: '00000000-0000-4000-8000-000000000001', kind: 'survey', title: 'Atelier 1', position: 0, state: 'open', groupId: null };

describe('what the projector shows', () => {
  it('shows the join screen for the welcome view, even while an item is current', () => {
    expect(projection({ screen: { view: 'welcome' } }, [survey])).toEqual({ kind: 'welcome' });
  });

  it('shows the chosen activity in the chosen view', () => {
    expect(projection({ screen: { view: 'results', activityId: survey.id } }, [survey])).toEqual({ kind: 'activity', view: 'results', activity: survey });
  });

  it('falls back to the join screen when the chosen activity is unknown to this viewer', () => {
    expect(projection({ screen: { view: 'activity', activityId: '00000000-0000-4000-8000-000000000009' } }, [survey])).toEqual({ kind: 'welcome' });
  });

  it('shows a free message', () => {
    expect(projection({ screen: { view: 'message', message: 'Pause déjeuner' } }, [])).toEqual({ kind: 'message', message: 'Pause déjeuner' });
  });
});
