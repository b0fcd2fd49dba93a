import { defineErrors } from './define';

/** Follow-up refusals (an unknown recommendation answers the core NOT_FOUND). */
export const FOLLOWUP_ERRORS = defineErrors({
  OUTCOME_ITEM_NOT_FOUND: { status: 422, fr: "Cet élément n'est pas dans l'archive scellée.", en: 'This item is not in the sealed archive.' },
  BELOW_THRESHOLD: { status: 422, fr: "Cette idée n'atteint pas le seuil de soutiens.", en: 'This idea is below the support threshold.' },
  FOLLOWUP_NO_ASSEMBLY: { status: 409, fr: "Cette séance n'a pas d'assemblée.", en: 'This session has no assembly.' },
  NOT_AN_INSTRUCTOR: { status: 422, fr: "Ce compte n'est pas un service instructeur.", en: 'This account is not an instructing service.' },
  NOT_ASSIGNED: { status: 403, fr: "Cette recommandation n'est pas confiée à votre service.", en: 'This recommendation is not assigned to your service.' },
  FOLLOWUP_EMAIL_OFF: { status: 409, fr: 'Les avis par courriel ne sont pas activés sur ce serveur.', en: 'Email notices are not enabled on this server.' },
  SUBSCRIPTION_LINK_INVALID: { status: 400, fr: 'Ce lien n’est pas valide ou a expiré.', en: 'This link is invalid or has expired.' },
  NOT_ANSWERED_YET: { status: 409, fr: 'Publiez d’abord la réponse.', en: 'Post the answer first.' },
});
