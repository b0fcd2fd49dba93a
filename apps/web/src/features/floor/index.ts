import { lazyView, type FeatureDefinition } from '../activity-view';

const view = (name: 'FloorParticipant' | 'FloorScreen' | 'FloorConsole') => lazyView(() => import('./components/FloorViews'), name, 'floor');

/**
 * No patchers here: `floor.list.updated` is applied by the views themselves while one is shown
 * (hooks/useFloor.ts), which keeps the kind's code out of the members' entry bundle.
 */
export const floorFeature: FeatureDefinition = {
  name: 'floor',
  kind: 'floor',
  participant: view('FloorParticipant'),
  screen: view('FloorScreen'),
  console: view('FloorConsole'),
};
