import { defineErrors } from './define';

/** Refusals of proxies, paper and assisted ballots (issue #25, docs/proxies.md). Short: the catalogue ships in the phone's entry bundle. */
export const CHANNEL_ERRORS = defineErrors({
  BALLOT_CAST_ON_PAPER: { status: 409, fr: 'Vous avez déjà voté sur papier pour cette question.', en: 'You already voted on paper on this question.' },
  BALLOT_CAST_ON_DEVICE: { status: 409, fr: "Ce membre a déjà voté dans l'application pour cette question.", en: 'This member already voted in the app on this question.' },
  BALLOT_CAST_IN_PERSON: { status: 409, fr: 'Ce membre a déjà voté lui-même.', en: 'This member already voted in person.' },
  PROXIES_DISABLED: { status: 409, fr: 'Les procurations ne sont pas activées.', en: 'Proxies are not enabled.' },
  PROXY_SELF: { status: 422, fr: 'On ne se donne pas procuration à soi-même.', en: 'A member cannot give a proxy to themselves.' },
  PROXY_GIVER_HAS_PROXY: { status: 409, fr: 'Ce membre a déjà donné procuration.', en: 'This member already gave a proxy.' },
  PROXY_CHAIN: { status: 409, fr: 'Une procuration ne se transmet pas.', en: 'A proxy cannot be passed on.' },
  PROXY_LIMIT: { status: 409, fr: 'Ce mandataire a atteint le maximum de procurations.', en: 'This holder has reached the maximum of proxies.' },
  PROXY_GIVER_PRESENT: { status: 409, fr: 'Ce membre est présent : il vote lui-même.', en: 'This member is present: they vote themselves.' },
  PROXY_NOT_HELD: { status: 403, fr: 'Vous ne détenez plus la procuration de ce membre.', en: 'You no longer hold this member’s proxy.' },
  PROXY_NOT_A_MEMBER: { status: 422, fr: 'Mandant et mandataire doivent être membres de la séance.', en: 'Giver and holder must be members of the session.' },
  PAPER_TOTALS_UNSUPPORTED: { status: 422, fr: 'Totaux papier : questions à choix unique ou oui / non.', en: 'Paper totals: single-choice or yes / no questions.' },
  PAPER_TOTALS_UNKNOWN_OPTION: { status: 422, fr: "Ces totaux citent un choix inconnu.", en: 'These totals name an unknown option.' },
  PAPER_TOTALS_EMPTY: { status: 422, fr: 'Saisissez au moins un bulletin.', en: 'Enter at least one ballot.' },
  PAPER_NAMED_ONLY: { status: 422, fr: 'Vote nominatif : bulletins nommés ; vote anonyme : totaux.', en: 'Named vote: named ballots; anonymous vote: totals.' },
  PAPER_SAME_STAFF: { status: 409, fr: 'Un autre membre de l’équipe doit confirmer cette saisie.', en: 'Another staff member must confirm this entry.' },
  PAPER_ALREADY_CONFIRMED: { status: 409, fr: 'Saisie déjà confirmée.', en: 'Entry already confirmed.' },
  ASSIST_NOT_PRESENT: { status: 409, fr: 'Ce membre est représenté par une procuration : retirez-la d’abord.', en: 'This member is represented by a proxy: revoke it first.' },
  PROXY_REQUEST_PENDING: { status: 409, fr: 'Votre demande attend une réponse.', en: 'Your request awaits an answer.' },
  PROXY_REQUEST_DECIDED: { status: 409, fr: 'Demande déjà traitée.', en: 'Request already answered.' },
  ROLLCALL_NAMED_YESNO: { status: 422, fr: 'Appel nominal : questions oui / non en vote nominatif.', en: 'Roll call: named yes / no questions.' },
  ROLLCALL_NOT_STARTED: { status: 409, fr: "L'appel nominal n'a pas commencé.", en: 'The roll call has not started.' },
  ROLLCALL_ALREADY_VOTED: { status: 409, fr: 'Ce membre a déjà voté : il est passé.', en: 'This member already voted: skipped.' },
});
