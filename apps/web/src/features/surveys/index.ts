import { lazyView, type FeatureDefinition } from '../activity-view';
import { surveyPatchers } from './patchers';

export const surveysFeature: FeatureDefinition = {
  name: 'surveys',
  kind: 'survey',
  participant: lazyView(() => import('./components/SurveyActivity'), 'SurveyActivity', 'surveys'),
  screen: lazyView(() => import('./components/SurveyScreen'), 'SurveyScreen', 'surveys'),
  console: lazyView(() => import('./components/SurveyConsole'), 'SurveyConsole', 'surveys'),
  patchers: surveyPatchers,
};
