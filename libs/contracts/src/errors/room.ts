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

export const AMENDMENT_ERRORS = defineErrors({
  AMENDMENTS_CLOSED: { status: 409, fr: 'Le texte n’est plus ouvert aux amendements.', en: 'The text is no longer open to amendments.' },
  AMENDMENT_DEADLINE_PASSED: { status: 409, fr: 'Le délai de dépôt des amendements est passé.', en: 'The deadline for amendments has passed.' },
  AMENDMENT_TEXT_LOCKED: { status: 409, fr: 'Des amendements sont déposés : le texte ne peut plus changer.', en: 'Amendments are filed: the text can no longer change.' },
  AMENDMENT_NOT_RAPPORTEUR: { status: 403, fr: 'Seul·e le·la rapporteur·e d’un groupe peut déposer un amendement au nom du groupe.', en: "Only a group's rapporteur can file an amendment in the group's name." },
  AMENDMENT_BAD_ANCHOR: { status: 422, fr: 'Ces lignes n’existent pas dans le texte.', en: 'These lines are not in the text.' },
  AMENDMENT_WORDING_REQUIRED: { status: 422, fr: 'Indiquez la nouvelle rédaction.', en: 'Give the new wording.' },
  AMENDMENT_NOT_AMENDABLE: { status: 422, fr: 'Cet amendement ne peut pas être sous-amendé.', en: 'This amendment cannot be sub-amended.' },
  AMENDMENT_REASON_REQUIRED: { status: 422, fr: 'Indiquez le motif d’irrecevabilité.', en: 'Give the reason it is inadmissible.' },
  AMENDMENT_OWN: { status: 422, fr: 'Vous ne pouvez pas cosigner votre propre amendement.', en: 'You cannot co-sign your own amendment.' },
  AMENDMENT_NOT_ADMISSIBLE: { status: 409, fr: 'Cet amendement n’est pas déclaré recevable.', en: 'This amendment has not been declared admissible.' },
  AMENDMENT_DECIDED: { status: 409, fr: 'Cet amendement a déjà été mis aux voix.', en: 'This amendment has already been voted on.' },
  SUBAMENDMENTS_PENDING: { status: 409, fr: 'Les sous-amendements se votent avant l’amendement.', en: 'Sub-amendments are voted before their amendment.' },
  AMENDMENT_VOTE_RUNNING: { status: 409, fr: 'Un vote est déjà en cours sur ce texte.', en: 'A vote is already running on this text.' },
  AMENDMENTS_PENDING: { status: 409, fr: 'Des amendements restent à mettre aux voix.', en: 'Some amendments are still to be voted.' },
  AMENDMENT_TOO_MANY: { status: 422, fr: 'Trop d’amendements sur ce texte.', en: 'Too many amendments on this text.' },
});
