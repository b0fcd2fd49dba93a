import { defineErrors } from './define';

export const OPINIONS_ERRORS = defineErrors({
  OPINIONS_CLOSED: { status: 409, fr: 'La carte des opinions est fermée.', en: 'The opinion map is closed.' },
  OPINIONS_PROPOSALS_OFF: { status: 403, fr: 'Cette carte des opinions ne reçoit pas de propositions des membres.', en: 'This opinion map does not take statements from members.' },
  OPINIONS_NOT_ANSWERABLE: { status: 409, fr: 'Cette affirmation ne peut pas recevoir de réponse.', en: 'This statement cannot be answered.' },
});
