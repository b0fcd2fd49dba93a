// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { SessionSnapshot } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../i18n';
import { CurrentVoteTurnoutView } from './components/CurrentVoteTurnout';
import { currentSurveyTurnout, turnoutOf } from './turnout';

const SURVEY = '00000000-0000-4000-8000-0000000000d1';
const Q1 = '00000000-0000-4000-8000-0000000000e1';
const Q2 = '00000000-0000-4000-8000-0000000000e2';

function snapshot(currentActivityId: string | null, members: number): SessionSnapshot {
  const online = [
    ...Array.from({ length: members }, (_, i) => ({ id: `m${i}`, displayName: `Membre ${i}`, role: 'member' as const })),
    { id: 'f', displayName: 'Animation', role: 'facilitator' as const },
    { id: 's', displayName: 'Écran', role: 'observer' as const },
  ];
  const question = (id: string, state: 'open' | 'closed', prompt: string) => ({ id, activityId: SURVEY, position: 0, prompt, config: {} as never, state, openedAt: null, closedAt: null });
  return {
    activities: [{ id: SURVEY, kind: 'survey', title: 'Atelier 1', position: 0, state: 'open', groupId: null }],
    presence: { connected: members + 2, online },
    features: {
      room: { currentActivityId },
      surveys: {
        surveys: { [SURVEY]: { activityId: SURVEY, settings: {}, questions: [question(Q1, 'open', 'Quelles priorités ?'), question(Q2, 'closed', 'Quel bilan ?')] } },
        myBallots: {},
        results: { [Q1]: { activityId: SURVEY, questionId: Q1, state: 'open', ballots: 6, present: 9, results: null } },
      },
    },
  } as unknown as SessionSnapshot;
}

describe('"x % des membres présents ont voté"', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // console strings come with the staff pages
  });
  afterEach(cleanup);

  it('counts the members connected now while open, never fewer than the voters, and the frozen figure once closed', () => {
    expect(turnoutOf({ state: 'open', ballots: 6, present: 9 }, 12)).toEqual({ ballots: 6, present: 12, percent: 50 });
    expect(turnoutOf({ state: 'open', ballots: 6, present: 9 }, 4)).toEqual({ ballots: 6, present: 6, percent: 100 });
    expect(turnoutOf({ state: 'closed', ballots: 6, present: 9 }, 30)).toEqual({ ballots: 6, present: 9, percent: 67 });
    expect(turnoutOf({ state: 'open', ballots: 0, present: 0 }, 0)).toEqual({ ballots: 0, present: 0, percent: null });
  });

  it('follows the open questions of the current survey, members only (not staff nor screens)', () => {
    const current = currentSurveyTurnout(snapshot(SURVEY, 8));
    expect(current).toEqual({ title: 'Atelier 1', questions: [{ questionId: Q1, prompt: 'Quelles priorités ?', ballots: 6, present: 8, percent: 75 }] });
  });

  it('falls back to a plenary survey whose question was opened without starting the item, never a group’s', () => {
    expect(currentSurveyTurnout(snapshot(null, 8))?.questions.map((q) => q.questionId)).toEqual([Q1]);
    const inGroup = snapshot(null, 8);
    inGroup.activities = [{ ...inGroup.activities[0], groupId: '00000000-0000-4000-8000-0000000000f1' }];
    expect(currentSurveyTurnout(inGroup)).toBeNull();
    const nothingOpen = snapshot(SURVEY, 8);
    (nothingOpen.features.surveys as { surveys: Record<string, { questions: { state: string }[] }> }).surveys[SURVEY].questions[0].state = 'closed';
    expect(currentSurveyTurnout(nothingOpen)).toEqual({ title: 'Atelier 1', questions: [] });
  });

  it('shows the line in the console, or why there is none', () => {
    render(<CurrentVoteTurnoutView current={currentSurveyTurnout(snapshot(SURVEY, 8))} />);
    expect(screen.getByRole('region', { name: 'Vote en cours' })).toBeTruthy();
    expect(screen.getByText('75 % des membres présents ont voté (6 / 8)')).toBeTruthy();
    cleanup();
    render(<CurrentVoteTurnoutView current={{ title: 'Atelier 1', questions: [] }} />);
    expect(screen.getByText('Aucune question ouverte dans « Atelier 1 ».')).toBeTruthy();
    cleanup();
    render(<CurrentVoteTurnoutView current={null} />);
    expect(screen.getByText('Aucun vote en cours.')).toBeTruthy();
  });
});
