import { lazyView, type FeatureDefinition } from '../activity-view';
import { qnaPatchers } from './patchers';

export const qnaFeature: FeatureDefinition = {
  name: 'qna',
  kind: 'qna',
  participant: lazyView(() => import('./components/QnaParticipant'), 'QnaParticipant'),
  screen: lazyView(() => import('./components/QnaScreen'), 'QnaScreen'),
  console: lazyView(() => import('./components/QnaConsole'), 'QnaConsole'),
  patchers: qnaPatchers,
};
