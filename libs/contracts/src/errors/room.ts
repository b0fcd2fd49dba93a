import { defineErrors } from './define';

export const QNA_ERRORS = defineErrors({
  QNA_CLOSED: { status: 409, fr: 'Les questions sont fermées pour le moment.', en: 'Questions are closed for now.' },
  QNA_ANONYMOUS_NOT_ALLOWED: { status: 422, fr: 'Cet échange ne permet pas les questions anonymes.', en: 'This Q&A does not allow anonymous questions.' },
  QNA_NOT_VOTABLE: { status: 409, fr: 'On ne peut plus soutenir cette question.', en: 'This question can no longer be supported.' },
  QNA_MERGE_INVALID: { status: 422, fr: 'Ces deux questions ne peuvent pas être fusionnées.', en: 'These two questions cannot be merged.' },
});

export const ROOM_ERRORS = defineErrors({
  AGENDA_END: { status: 409, fr: "Il n'y a plus d'activité à lancer dans l'ordre du jour.", en: 'There is no further item on the agenda.' },
  NO_TIMER: { status: 409, fr: "Aucun minuteur n'est en cours.", en: 'No countdown is running.' },
  NO_PLANNED_DURATION: { status: 422, fr: "Indiquez une durée pour lancer le minuteur.", en: 'Give a duration to start the countdown.' },
  NOT_ROSTER_MEMBER: { status: 403, fr: "Seuls les membres invités confirment leur présence.", en: 'Only invited members confirm their presence.' },
});

export const FLOOR_ERRORS = defineErrors({
  FLOOR_CLOSED: { status: 409, fr: 'Liste des orateurs close.', en: 'Speakers’ list closed.' },
});
