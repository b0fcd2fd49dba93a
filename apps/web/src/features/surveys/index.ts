import { lazyView, type FeatureDefinition } from '../activity-view';
import { surveyPatchers } from './patchers';

export const surveysFeature: FeatureDefinition = {
  name: 'surveys',
  kind: 'survey',
  participant: lazyView(() => import('./components/SurveyActivity'), 'SurveyActivity'),
  screen: lazyView(() => import('./components/SurveyScreen'), 'SurveyScreen'),
  console: lazyView(() => import('./components/SurveyConsole'), 'SurveyConsole'),
  patchers: surveyPatchers,
};
