import { defineErrors } from './define';

export const OPINIONS_ERRORS = defineErrors({
  OPINIONS_CLOSED: { status: 409, fr: 'La carte des opinions est fermée.', en: 'The opinion map is closed.' },
  OPINIONS_PROPOSALS_OFF: { status: 403, fr: 'Pas de propositions des membres ici.', en: 'No proposals from members here.' },
});
