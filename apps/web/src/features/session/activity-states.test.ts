import { describe, expect, it } from 'vitest';
import { ACTIVITY_STATES } from '@palabre/domain';
import en from '../../i18n/en/session.json';
import fr from '../../i18n/fr/session.json';

// The agenda and the polite announcements name an activity's state from this catalogue: every state
// of every kind (ACTIVITY_STATES, plus 'draft') has a word in both languages, never the raw code
// (a locked board was announced « locked »).
describe('activity state labels', () => {
  const states = [...new Set(['draft', ...Object.values(ACTIVITY_STATES).flatMap((k) => [...k.running, ...k.closed])])];
  for (const [language, catalogue] of [['fr', fr], ['en', en]] as const) {
    it(`names every activity state in ${language}`, () => {
      const labels = catalogue.activityState as Record<string, string>;
      expect(states.filter((state) => !labels[state])).toEqual([]);
    });
  }
});
