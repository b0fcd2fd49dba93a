// Picks the write scenario: ballots when the built contracts have them, else the stand-in.
import { createRequire } from 'node:module';
import { activityScenario } from './activity.mjs';
import { surveyScenario } from './survey.mjs';

export const SCENARIOS = { survey: surveyScenario, activity: activityScenario };

export function pickScenario(requested) {
  if (requested && requested !== 'auto') {
    if (!SCENARIOS[requested]) throw new Error(`unknown scenario ${requested} (survey | activity | auto)`);
    return SCENARIOS[requested];
  }
  const require = createRequire(import.meta.url);
  const { COMMANDS } = require('../../libs/contracts/dist/index.js');
  return 'ballot.cast' in COMMANDS ? surveyScenario : activityScenario;
}
