import { defineErrors } from './define';

/** Refusals of proxies, paper and assisted ballots (issue #25, docs/proxies.md). */
export const CHANNEL_ERRORS = defineErrors({
  BALLOT_CAST_ON_PAPER: { status: 409, fr: 'Votre vote sur papier est déjà enregistré pour cette question : vous ne pouvez pas voter aussi sur votre téléphone.', en: 'Your paper ballot is already recorded for this question: you cannot also vote on your phone.' },
  BALLOT_CAST_ON_DEVICE: { status: 409, fr: "Ce membre a déjà voté dans l'application pour cette question : son bulletin papier ne peut pas être compté.", en: 'This member already voted in the app on this question: their paper ballot cannot be counted.' },
  BALLOT_CAST_IN_PERSON: { status: 409, fr: 'Ce membre a déjà voté lui-même : la procuration ne peut pas remplacer son vote.', en: 'This member already voted in person: the proxy cannot replace their vote.' },
  PROXIES_DISABLED: { status: 409, fr: 'Les procurations ne sont pas activées pour cette séance.', en: 'Proxies are not enabled for this session.' },
  PROXY_SELF: { status: 422, fr: 'Un membre ne peut pas se donner procuration à lui-même.', en: 'A member cannot give a proxy to themselves.' },
  PROXY_GIVER_HAS_PROXY: { status: 409, fr: 'Ce membre a déjà donné procuration.', en: 'This member has already given a proxy.' },
  PROXY_CHAIN: { status: 409, fr: 'Une procuration ne peut pas être transmise : le mandant détient une procuration, ou le mandataire en a donné une.', en: 'A proxy cannot be passed on: the giver holds a proxy, or the holder gave one.' },
  PROXY_LIMIT: { status: 409, fr: 'Ce membre détient déjà le nombre maximal de procurations.', en: 'This member already holds the maximum number of proxies.' },
  PROXY_GIVER_PRESENT: { status: 409, fr: 'Ce membre est présent : il vote lui-même.', en: 'This member is present: they vote themselves.' },
  PROXY_NOT_HELD: { status: 403, fr: "Vous ne détenez pas (ou plus) de procuration pour ce membre : il est peut-être arrivé en personne.", en: 'You do not (or no longer) hold a proxy for this member: they may have arrived in person.' },
  PROXY_NOT_A_MEMBER: { status: 422, fr: 'Le mandant et le mandataire doivent être des membres de la séance.', en: 'Both the giver and the holder must be members of the session.' },
  PAPER_TOTALS_UNSUPPORTED: { status: 422, fr: 'Les totaux papier se saisissent pour les questions à choix unique ou oui / non / abstention.', en: 'Paper totals are entered for single-choice or yes / no / abstain questions.' },
  PAPER_TOTALS_UNKNOWN_OPTION: { status: 422, fr: "Ces totaux citent un choix qui n'existe pas.", en: 'These totals name an option that does not exist.' },
  PAPER_TOTALS_EMPTY: { status: 422, fr: 'Saisissez au moins un bulletin.', en: 'Enter at least one ballot.' },
  PAPER_NAMED_ONLY: { status: 422, fr: 'Un questionnaire anonyme reçoit des totaux papier, pas des bulletins nominatifs (et inversement).', en: 'An anonymous survey takes paper totals, not named paper ballots (and the other way round).' },
  PAPER_SAME_STAFF: { status: 409, fr: 'Une saisie papier doit être confirmée par un autre membre de l’équipe que celui qui l’a saisie.', en: 'A paper entry must be confirmed by another staff member than the one who entered it.' },
  PAPER_ALREADY_CONFIRMED: { status: 409, fr: 'Cette saisie papier est déjà confirmée.', en: 'This paper entry is already confirmed.' },
  ASSIST_CONSENT_REQUIRED: { status: 422, fr: "Le vote assisté demande l'accord du membre.", en: "An assisted ballot needs the member's consent." },
  ASSIST_NOT_PRESENT: { status: 409, fr: 'Ce membre est représenté par une procuration : il est déclaré absent. Retirez la procuration s’il est dans la salle.', en: 'This member is represented by a proxy, so declared absent. Revoke the proxy if they are in the room.' },
});
