import { defineErrors } from './define';

export const GROUPS_ERRORS = defineErrors({
  GROUP_FULL: { status: 409, fr: 'Ce groupe est complet, choisissez-en un autre.', en: 'This group is full, choose another one.' },
  GROUP_CHOICE_CLOSED: { status: 409, fr: 'Le choix des groupes est fermé.', en: 'Choosing a group is closed.' },
  NOT_IN_GROUP: { status: 403, fr: "Vous ne faites pas partie de ce groupe.", en: 'You are not a member of this group.' },
  NOT_RAPPORTEUR: { status: 403, fr: 'Seul·e le·la rapporteur·e du groupe peut rédiger la synthèse.', en: "Only the group's rapporteur can write the synthesis." },
  SYNTHESIS_VALIDATED: { status: 409, fr: 'Cette synthèse est validée et ne peut plus être modifiée.', en: 'This synthesis is validated and can no longer be changed.' },
  SYNTHESIS_EMPTY: { status: 409, fr: 'La synthèse est vide.', en: 'The synthesis is empty.' },
  NO_PROPOSALS: { status: 409, fr: "Aucune proposition validée n'est disponible pour le questionnaire final.", en: 'No validated proposal is available for the final survey.' },
  TOO_MANY_PROPOSALS: { status: 409, fr: 'Trop de propositions pour un seul questionnaire (30 au plus).', en: 'Too many proposals for one survey (30 at most).' },
  SEED_SOURCE_UNAVAILABLE: { status: 409, fr: 'Cette source de cartes de départ est indisponible.', en: 'This source of starting cards is unavailable.' },
});
