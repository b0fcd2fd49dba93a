import { defineErrors } from './define';

export const OUTCOME_ERRORS = defineErrors({
  SESSION_NOT_CLOSED: { status: 409, fr: 'Clôturez la séance avant de la sceller.', en: 'Close the session before sealing it.' },
  SESSION_HAS_OPEN_ITEMS: {
    status: 409,
    fr: 'Des activités ou des votes sont encore ouverts : clôturez-les avant de sceller la séance.',
    en: 'Activities or votes are still open: close them before sealing the session.',
  },
  ARCHIVE_NOT_FOUND: { status: 404, fr: "Cette séance n'est pas dans les archives.", en: 'This session is not in the archive.' },
  RESULTS_NOT_PUBLIC: { status: 404, fr: "Les résultats de cette séance ne sont pas publiés.", en: 'The results of this session are not published.' },
  ALREADY_PSEUDONYMISED: { status: 409, fr: 'Les données personnelles de cette séance sont déjà pseudonymisées.', en: 'The personal data of this session is already pseudonymised.' },
});
