import { byNamespace } from './catalogue';

/** The English catalogues, in a chunk of their own: loaded by `setLocale('en')` (i18n/index.ts). */
export default byNamespace(import.meta.glob<Record<string, unknown>>('./en/*.json', { eager: true, import: 'default' }));
