/**
 * Where features plug into the session pages without editing them. A feature folder (e.g.
 * features/surveys) exports one `FeatureDefinition` (activity-view.ts) from its index.ts and is
 * added to FEATURES below: one import, one line. Features never import this file.
 */
import type { ActivityKind } from '@palabre/contracts';
import { combinePatchers, corePatchers, type SnapshotPatchers } from '../lib/patchers';
import type { ActivityView, FeatureDefinition, ViewSurface } from './activity-view';
import { boardsFeature } from './boards';
import { qnaFeature } from './qna';
import { roomFeature } from './room';
import { surveysFeature } from './surveys';
import { groupsFeature } from './groups';
import { floorFeature } from './floor';
import { opinionsFeature } from './opinions';
import { amendmentsFeature } from './amendments';

export const FEATURES: readonly FeatureDefinition[] = [
  surveysFeature,
  boardsFeature,
  qnaFeature,
  roomFeature,
  groupsFeature,
  floorFeature,
  opinionsFeature,
  amendmentsFeature,
];

/** Every patcher: the core ones (session, agenda, presence) then each feature's. */
export const snapshotPatchers: SnapshotPatchers = combinePatchers(corePatchers, ...FEATURES.map((f) => f.patchers ?? {}));

export function activityView(kind: ActivityKind, surface: ViewSurface): ActivityView | undefined {
  return FEATURES.find((feature) => feature.kind === kind)?.[surface];
}

