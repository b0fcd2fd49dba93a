import type { FeatureDefinition } from '../activity-view';
import { roomPatchers } from './patchers';

/** Room-level state (agenda, countdown, screen): no activity kind of its own, only patchers. */
export const roomFeature: FeatureDefinition = {
  name: 'room',
  patchers: roomPatchers,
};
