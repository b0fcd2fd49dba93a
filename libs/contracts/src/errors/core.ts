import { defineErrors } from './define';

export const CORE_ERRORS = defineErrors({
  VALIDATION_FAILED: { status: 400, fr: 'Les données envoyées ne sont pas valides.', en: 'The data sent is not valid.' },
  PAYLOAD_TOO_LARGE: { status: 413, fr: 'Le message envoyé est trop volumineux.', en: 'The message sent is too large.' },
  UNAUTHENTICATED: { status: 401, fr: 'Veuillez vous identifier.', en: 'Please sign in.' },
  TOKEN_EXPIRED: { status: 401, fr: 'Votre accès a expiré, veuillez rejoindre à nouveau.', en: 'Your access has expired, please join again.' },
  TOKEN_REVOKED: { status: 401, fr: 'Votre accès à cette séance a été retiré.', en: 'Your access to this session was removed.' },
  FORBIDDEN: { status: 403, fr: "Vous n'avez pas le droit de faire cette action.", en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, fr: "Cet élément n'existe pas.", en: 'This item does not exist.' },
  RATE_LIMITED: { status: 429, retryable: true, fr: 'Trop de demandes, veuillez patienter un instant.', en: 'Too many requests, please wait a moment.' },
  CONFLICT: { status: 409, fr: 'Cette action est en conflit avec une autre modification.', en: 'This action conflicts with another change.' },
  INVALID_TRANSITION: { status: 409, fr: "Cette action n'est pas possible dans l'état actuel.", en: 'This action is not possible in the current state.' },
  DATABASE_UNAVAILABLE: { status: 503, retryable: true, fr: 'Le service est momentanément indisponible, votre action va être renvoyée.', en: 'The service is briefly unavailable, your action will be retried.' },
  INTERNAL: { status: 500, fr: 'Une erreur inattendue est survenue.', en: 'An unexpected error occurred.' },
});

export const AUTH_ERRORS = defineErrors({
  INVALID_CREDENTIALS: { status: 401, fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong email address or password.' },
  LOGIN_THROTTLED: { status: 429, fr: 'Trop de tentatives pour ce compte depuis cette adresse : patientez un instant avant de réessayer.', en: 'Too many attempts for this account from this address: wait a moment before trying again.' },
  WEAK_PASSWORD: {
    status: 400,
    fr: 'Ce mot de passe est trop facile à deviner (mot courant, suite ou répétition) : choisissez une phrase de passe d’au moins 12 caractères.',
    en: 'This password is too easy to guess (a common word, a sequence or a repetition): choose a passphrase of at least 12 characters.',
  },
  OIDC_FAILED: { status: 401, fr: "La connexion par l'annuaire de l'organisation a échoué. Réessayez depuis la page de connexion.", en: "Signing in through the organisation's directory failed. Try again from the sign-in page." },
  OIDC_NO_ROLE: { status: 403, fr: "Votre compte de l'annuaire ne donne aucun rôle dans Palabre. Demandez un accès à l'administrateur.", en: 'Your directory account grants no role in Palabre. Ask the administrator for access.' },
  TOO_MANY_CONNECTIONS: { status: 429, fr: 'Trop de connexions ouvertes à votre nom : fermez un autre onglet ou appareil.', en: 'Too many connections open in your name: close another tab or device.' },
  EMAIL_TAKEN: { status: 409, fr: 'Un compte existe déjà avec cette adresse e-mail.', en: 'An account already exists with this email address.' },
});

export const SESSION_ERRORS = defineErrors({
  SESSION_NOT_FOUND: { status: 404, fr: 'Aucune séance ne correspond à ce code.', en: 'No session matches this code.' },
  SESSION_NOT_OPEN: { status: 409, fr: "Cette séance n'est pas ouverte.", en: 'This session is not open.' },
  SESSION_READ_ONLY: { status: 409, fr: 'Cette séance est archivée et ne peut plus être modifiée.', en: 'This session is archived and can no longer be changed.' },
  JOIN_CODE_TAKEN: { status: 409, fr: 'Ce code de séance est déjà utilisé.', en: 'This session code is already in use.' },
  ROSTER_ONLY: { status: 403, fr: 'Cette séance est réservée aux membres invités : utilisez votre lien personnel.', en: 'This session is for invited members only: use your personal link.' },
  INVITATION_INVALID: { status: 401, fr: "Ce lien d'invitation n'est pas valide.", en: 'This invitation link is not valid.' },
  DEVICE_BLOCKED: { status: 403, fr: "L'animation a retiré ce navigateur de la séance.", en: 'The facilitators removed this browser from the session.' },
  JOIN_THROTTLED: { status: 429, retryable: true, fr: 'Beaucoup de personnes rejoignent en même temps, réessayez dans quelques secondes.', en: 'Many people are joining at once, try again in a few seconds.' },
  PAIRING_INVALID: { status: 404, fr: "Ce code d'écran n'existe pas ou a expiré : affichez un nouveau code sur l'écran.", en: 'This screen code does not exist or has expired: show a new code on the screen.' },
  NOT_ELIGIBLE: { status: 403, fr: "Cette question est réservée aux membres inscrits dont l'identité est vérifiée (lien personnel ou nom confirmé par l'animation).", en: 'This question is for registered members whose identity is verified (personal link or name confirmed by the facilitators).' },
  CLAIM_TAKEN: { status: 409, fr: 'Ce membre est déjà présent dans la séance.', en: 'This member is already present in the session.' },
  PARTICIPANT_BLOCKED: { status: 403, fr: "L'animation a suspendu vos contributions dans cette séance.", en: 'The facilitators have suspended your contributions in this session.' },
});
