import { defineErrors } from './define';

/** Refusals of a ballot by validateBallot (libs/domain): the ballot is well-formed but does not fit the question. */
export const SURVEY_BALLOT_ERRORS = defineErrors({
  BALLOT_WRONG_TYPE: { status: 422, fr: 'Ce vote ne correspond pas à cette question.', en: 'This ballot does not match this question.' },
  BALLOT_UNKNOWN_OPTION: { status: 422, fr: "Ce vote cite un choix qui n'existe pas.", en: 'This ballot names an option that does not exist.' },
  BALLOT_DUPLICATE_OPTION: { status: 422, fr: 'Un même choix apparaît deux fois dans ce vote.', en: 'The same option appears twice in this ballot.' },
  BALLOT_RANKING_INCOMPLETE: { status: 422, fr: 'Classez tous les choix demandés.', en: 'Rank all the requested options.' },
  BALLOT_POINTS_OVER_BUDGET: { status: 422, fr: 'Vous avez réparti plus de points que votre budget.', en: 'You spread more points than your budget.' },
  BALLOT_POINTS_NOT_SPENT: { status: 422, fr: 'Attribuez au moins un point.', en: 'Give at least one point.' },
  BALLOT_SELECTION_COUNT: { status: 422, fr: "Le nombre de choix cochés n'est pas dans les limites demandées.", en: 'The number of options selected is outside the allowed range.' },
  BALLOT_GRADE_MISSING: { status: 422, fr: 'Attribuez une mention à chaque choix.', en: 'Give a grade to every option.' },
  BALLOT_GRADE_INVALID: { status: 422, fr: "Cette mention n'existe pas.", en: 'This grade does not exist.' },
  BALLOT_SCALE_OUT_OF_RANGE: { status: 422, fr: "Cette note est en dehors de l'échelle.", en: 'This value is outside the scale.' },
  BALLOT_TEXT_TOO_LONG: { status: 422, fr: 'Votre réponse dépasse 80 caractères.', en: 'Your answer is longer than 80 characters.' },
  BALLOT_TEXT_EMPTY: { status: 422, fr: 'Votre réponse est vide.', en: 'Your answer is empty.' },
});

/** Refusals of survey commands: lifecycle and visibility. */
export const SURVEY_ERRORS = defineErrors({
  VOTING_CLOSED: { status: 409, fr: "Le vote est clos : ce bulletin n'a pas été enregistré.", en: 'Voting is closed: this ballot was not recorded.' },
  QUESTION_NOT_OPEN: { status: 409, fr: "Le vote sur cette question n'est pas encore ouvert.", en: 'Voting on this question is not open yet.' },
  QUESTION_LOCKED: { status: 409, fr: 'Cette question a déjà été ouverte au vote : elle ne peut plus être modifiée.', en: 'This question has already been opened: it can no longer be edited.' },
  SURVEY_SETTINGS_LOCKED: { status: 409, fr: "L'anonymat ne peut plus changer une fois une question ouverte.", en: 'Anonymity can no longer change once a question has been opened.' },
  SURVEY_TOO_MANY_QUESTIONS: { status: 422, fr: 'Ce questionnaire compte déjà le nombre maximal de questions.', en: 'This survey already has the maximum number of questions.' },
  RESULTS_HIDDEN: { status: 403, fr: 'Les résultats seront visibles une fois publiés.', en: 'Results will be visible once published.' },
  BALLOT_SECRET_REQUIRED: { status: 422, fr: "Ce vote anonyme n'a pas le secret de votre appareil : rechargez la page puis votez à nouveau.", en: 'This anonymous ballot lacks your device secret: reload the page and vote again.' },
  BALLOT_OTHER_DEVICE: { status: 409, fr: "Vous avez voté depuis un autre appareil : ce vote anonyme ne peut être modifié que depuis celui-là.", en: 'You voted from another device: this anonymous ballot can only be changed from that one.' },
  BALLOT_NOT_CHANGEABLE: { status: 409, fr: 'Votre vote anonyme est enregistré et ne peut plus être modifié.', en: 'Your anonymous ballot is recorded and can no longer be changed.' },
});
