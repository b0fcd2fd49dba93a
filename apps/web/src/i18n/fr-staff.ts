import { byNamespace } from './catalogue';

/** French catalogues of the staff, projector and archive pages (STAFF_NAMESPACES in index.ts), in their own chunk. */
export default byNamespace(import.meta.glob<Record<string, unknown>>('./fr/{staff,outcomes,screen}.json', { eager: true, import: 'default' }));
