import { defineErrors } from './define';

export const BOARD_ERRORS = defineErrors({
  BOARD_NOT_OPEN: { status: 409, fr: "Ce tableau d'idées n'est pas ouvert.", en: 'This idea board is not open.' },
  BOARD_LOCKED: { status: 409, fr: "Ce tableau d'idées est verrouillé : il est en lecture seule.", en: 'This idea board is locked: it is read-only.' },
  BOARD_COLUMN_UNKNOWN: { status: 422, fr: "Cette colonne n'existe pas dans ce tableau.", en: 'This column does not exist on this board.' },
  BOARD_COLUMN_IN_USE: { status: 409, fr: 'Cette colonne contient des idées : déplacez-les avant de la retirer.', en: 'This column holds ideas: move them before removing it.' },
  BOARD_SUPPORTS_CAST: { status: 409, fr: 'Des soutiens ont déjà été donnés : le mode de soutien ne peut plus changer.', en: 'Supports were already given: the support mode can no longer change.' },
  IDEA_ANONYMOUS_NOT_ALLOWED: { status: 403, fr: "Ce tableau n'accepte pas les idées anonymes.", en: 'This board does not accept anonymous ideas.' },
  IDEA_NOT_EDITABLE: { status: 409, fr: "L'animation a déjà traité cette idée : elle ne peut plus être modifiée ni retirée.", en: 'The facilitators already acted on this idea: it can no longer be edited or withdrawn.' },
  IDEA_NOT_YOURS: { status: 403, fr: "Cette idée n'est pas la vôtre.", en: 'This idea is not yours.' },
  IDEA_NOT_VISIBLE: { status: 409, fr: "Cette idée n'est pas visible : elle ne peut pas être soutenue ni commentée.", en: 'This idea is not visible: it cannot be supported or commented on.' },
  DOTS_EXHAUSTED: { status: 409, fr: 'Vous avez utilisé toutes vos gommettes sur ce tableau.', en: 'You have used all your dots on this board.' },
  DOTS_PER_IDEA_MAX: { status: 409, fr: 'Vous avez mis le maximum de gommettes permis sur cette idée.', en: 'You have put the most dots allowed on this idea.' },
  MERGE_INVALID: { status: 422, fr: 'Ces idées ne peuvent pas être fusionnées (même tableau, idées distinctes et non retirées).', en: 'These ideas cannot be merged (same board, distinct ideas, not withdrawn).' },
  COMMENT_DEPTH: { status: 422, fr: "On ne peut répondre qu'à un commentaire, pas à une réponse.", en: 'You can reply to a comment, not to a reply.' },
  COMMENT_NOT_YOURS: { status: 403, fr: "Ce commentaire n'est pas le vôtre.", en: 'This comment is not yours.' },
  PARTICIPANT_NOT_BLOCKABLE: { status: 422, fr: "Seul un membre peut être suspendu.", en: 'Only a member can be suspended.' },
});
