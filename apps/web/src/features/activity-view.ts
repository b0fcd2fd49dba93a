/**
 * The contract between an activity kind's feature folder and the session pages: the props every
 * activity view receives and the definition a feature exports from its index.ts. Features import
 * this file, never registry.tsx (which imports every feature), so there is no import circle.
 *
 *   export const surveysFeature: FeatureDefinition = {
 *     name: 'surveys',                     // key in snapshot.features, and its i18n namespace
 *     kind: 'survey',                      // activity kind it renders
 *     participant: lazyView(() => import('./components/SurveyActivity'), 'SurveyActivity', 'surveys'),
 *     screen: lazyView(() => import('./components/SurveyScreen'), 'SurveyScreen', 'surveys'),
 *     console: lazyView(() => import('./components/SurveyConsole'), 'SurveyConsole', 'surveys'),
 *     patchers: surveyPatchers,            // how its events change snapshot.features.surveys
 *   };
 *
 * Views are lazy: a feature's code is downloaded when one of its activities is shown.
 * Keep patchers in a small module of their own (they are loaded with every session page).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ActivityKind, ActivitySummary } from '@palabre/contracts';
import { loadFeatureCatalogue } from '../i18n';
import type { SnapshotPatchers } from '../lib/patchers';

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
  /** The feature's i18n namespace, fetched with the view (i18n/index.ts `loadFeatureCatalogue`). */
  namespace?: string,
): ActivityView {
  return lazy(() => Promise.all([load(), namespace ? loadFeatureCatalogue(namespace) : undefined]).then(([module]) => ({ default: module[exportName] })));
}
