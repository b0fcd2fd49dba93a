import { lazyView, type FeatureDefinition } from '../activity-view';
import { qnaPatchers } from './patchers';

export const qnaFeature: FeatureDefinition = {
  name: 'qna',
  kind: 'qna',
  participant: lazyView(() => import('./components/QnaParticipant'), 'QnaParticipant', 'qna'),
  screen: lazyView(() => import('./components/QnaScreen'), 'QnaScreen', 'qna'),
  console: lazyView(() => import('./components/QnaConsole'), 'QnaConsole', 'qna'),
  patchers: qnaPatchers,
};
