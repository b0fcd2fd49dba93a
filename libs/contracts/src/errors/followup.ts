import { defineErrors } from './define';

export const FOLLOWUP_ERRORS = defineErrors({
  RECOMMENDATION_NOT_FOUND: { status: 404, fr: 'Cette recommandation est introuvable.', en: 'This recommendation does not exist.' },
  OUTCOME_ITEM_NOT_FOUND: { status: 422, fr: "Cet élément n'est pas dans l'enregistrement scellé de la séance.", en: 'This item is not in the sealed record of the session.' },
  BELOW_THRESHOLD: { status: 422, fr: "Cette idée n'atteint pas le seuil de soutiens choisi.", en: 'This idea does not reach the chosen support threshold.' },
  FOLLOWUP_NO_ASSEMBLY: { status: 409, fr: "Cette séance n'est rattachée à aucune assemblée : le suivi se tient par assemblée.", en: 'This session belongs to no assembly: follow-up is kept per assembly.' },
  NOT_AN_INSTRUCTOR: { status: 422, fr: "Ce compte n'est pas un service instructeur.", en: 'This account is not an instructing service.' },
  NOT_ASSIGNED: { status: 403, fr: "Cette recommandation n'est pas confiée à votre service.", en: 'This recommendation is not assigned to your service.' },
  NOT_ANSWERED_YET: { status: 409, fr: 'Publiez d’abord la réponse de la Région avant d’en suivre l’avancement.', en: "Post the Region's response before tracking progress." },
  NOT_A_PARTICIPANT: { status: 403, fr: "Seuls les membres qui ont pris part aux séances de l'assemblée peuvent s'abonner.", en: "Only members who took part in the assembly's sessions can subscribe." },
});
