// Vitest: the French of every activity kind, which the app fetches with each kind's lazy views
// (i18n/index.ts), is there before a test renders a component directly.
import { FEATURE_NAMESPACES, loadFeatureCatalogue } from './i18n';

await Promise.all(FEATURE_NAMESPACES.map(loadFeatureCatalogue));
