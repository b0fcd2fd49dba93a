import { lazyView, type FeatureDefinition } from '../activity-view';
import { boardPatchers } from './patchers';

export const boardsFeature: FeatureDefinition = {
  name: 'boards',
  kind: 'board',
  participant: lazyView(() => import('./components/BoardActivity'), 'BoardActivity'),
  screen: lazyView(() => import('./components/BoardScreen'), 'BoardScreen'),
  console: lazyView(() => import('./components/BoardConsole'), 'BoardConsole'),
  patchers: boardPatchers,
};
