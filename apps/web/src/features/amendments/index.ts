import { lazyView, type FeatureDefinition } from '../activity-view';
import { loadFeatureCatalogue } from '../../i18n';

// The views reuse the surveys' ballot form: its catalogue comes with them.
const load = () => Promise.all([import('./components/AmendmentsViews'), loadFeatureCatalogue('surveys')]).then(([views]) => views);
const view = (name: 'AmendmentsParticipant' | 'AmendmentsScreen' | 'AmendmentsConsole') => lazyView(load, name, 'amendments');

/**
 * No patchers here: `amendments.updated` is applied by the views themselves while one is shown
 * (hooks/useAmendments.ts), which keeps the kind's code out of the members' entry bundle.
 */
export const amendmentsFeature: FeatureDefinition = {
  name: 'amendments',
  kind: 'amendments',
  participant: view('AmendmentsParticipant'),
  screen: view('AmendmentsScreen'),
  console: view('AmendmentsConsole'),
};
