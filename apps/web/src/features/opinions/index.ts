import { lazyView, type FeatureDefinition } from '../activity-view';

const view = (name: 'OpinionsParticipant' | 'OpinionsScreen' | 'OpinionsConsole') => lazyView(() => import('./components/OpinionsViews'), name, 'opinions');

/**
 * No patchers here: the `opinions.*` events are applied by the views themselves while one is
 * shown (hooks/useOpinions.ts), which keeps the kind's code out of the members' entry bundle.
 */
export const opinionsFeature: FeatureDefinition = {
  name: 'opinions',
  kind: 'opinions',
  participant: view('OpinionsParticipant'),
  screen: view('OpinionsScreen'),
  console: view('OpinionsConsole'),
};
