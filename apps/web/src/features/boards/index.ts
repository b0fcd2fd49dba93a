import { lazyView, type FeatureDefinition } from '../activity-view';
import { boardPatchers } from './patchers';

export const boardsFeature: FeatureDefinition = {
  name: 'boards',
  kind: 'board',
  participant: lazyView(() => import('./components/BoardActivity'), 'BoardActivity', 'boards'),
  screen: lazyView(() => import('./components/BoardScreen'), 'BoardScreen', 'boards'),
  console: lazyView(() => import('./components/BoardConsole'), 'BoardConsole', 'boards'),
  patchers: boardPatchers,
};
