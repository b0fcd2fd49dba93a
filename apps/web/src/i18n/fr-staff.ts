import { byNamespace } from './catalogue';

/**
 * French catalogues of the staff, projector and archive pages (STAFF_NAMESPACES in index.ts), in
 * their own chunk, with the console-only parts of the members' namespaces (`fr/console/*.json`:
 * the survey builder, copies, templates, breakdowns), merged into those namespaces when loaded.
 */
export default byNamespace(import.meta.glob<Record<string, unknown>>(['./fr/{staff,outcomes,screen,followup}.json', './fr/console/*.json'], { eager: true, import: 'default' }));
