/**
 * Where features plug into the session pages without editing them.
 *
 * A feature folder (e.g. features/surveys) exports one `FeatureDefinition` from its index.ts
 * and adds it to FEATURES below (one import, one line):
 *
 *   export const surveysFeature: FeatureDefinition = {
 *     name: 'surveys',                     // key in snapshot.features, and its i18n namespace
 *     kind: 'survey',                      // activity kind it renders
 *     participant: lazyView(() => import('./components/SurveyActivity'), 'SurveyActivity'),
 *     screen: lazyView(() => import('./components/SurveyScreen'), 'SurveyScreen'),
 *     console: lazyView(() => import('./components/SurveyConsole'), 'SurveyConsole'),
 *     patchers: surveyPatchers,            // how its events change snapshot.features.surveys
 *   };
 *
 * Views are lazy: a feature's code is downloaded when one of its activities is shown.
 * Keep patchers in a small module of their own (they are loaded with every session page).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ActivityKind, ActivitySummary } from '@palabre/contracts';
import { combinePatchers, corePatchers, type SnapshotPatchers } from '../lib/patchers';
import { boardsFeature } from './boards';
import { qnaFeature } from './qna';
import { roomFeature } from './room';
import { surveysFeature } from './surveys';
import { groupsFeature } from './groups';

/** What every activity view receives; the rest comes from the live hooks (lib/live.ts). */
export interface ActivityViewProps {
  activity: ActivitySummary;
}

export type ActivityView = LazyExoticComponent<ComponentType<ActivityViewProps>>;
export type ViewSurface = 'participant' | 'screen' | 'console';

export interface FeatureDefinition {
  name: string;
  kind?: ActivityKind;
  /** On members' phones, inside the session page. */
  participant?: ActivityView;
  /** On the projector, readable from the back of the room. */
  screen?: ActivityView;
  /** In the facilitator console, under the agenda. */
  console?: ActivityView;
  patchers?: SnapshotPatchers;
}

/** Lazy view from a module's named export. */
export function lazyView<K extends string, M extends Record<K, ComponentType<ActivityViewProps>>>(
  load: () => Promise<M>,
  exportName: K,
): ActivityView {
  return lazy(() => load().then((module) => ({ default: module[exportName] })));
}

export const FEATURES: readonly FeatureDefinition[] = [
  surveysFeature,
  boardsFeature,
  qnaFeature,
  roomFeature,
  groupsFeature,
];

/** Every patcher: the core ones (session, agenda, presence) then each feature's. */
export const snapshotPatchers: SnapshotPatchers = combinePatchers(corePatchers, ...FEATURES.map((f) => f.patchers ?? {}));

export function activityView(kind: ActivityKind, surface: ViewSurface): ActivityView | undefined {
  return FEATURES.find((feature) => feature.kind === kind)?.[surface];
}
