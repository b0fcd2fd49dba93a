import { lazyView, type FeatureDefinition } from '../activity-view';
import { groupsPatchers } from './patchers';

export const groupsFeature: FeatureDefinition = {
  name: 'groups',
  kind: 'groups',
  participant: lazyView(() => import('./components/GroupsParticipant'), 'GroupsParticipant', 'groups'),
  screen: lazyView(() => import('./components/GroupsScreen'), 'GroupsScreen', 'groups'),
  console: lazyView(() => import('./components/GroupsConsole'), 'GroupsConsole', 'groups'),
  patchers: groupsPatchers,
};
