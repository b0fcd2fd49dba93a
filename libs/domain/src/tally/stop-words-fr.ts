/**
 * French function words dropped from word clouds: articles, pronouns, prepositions,
 * conjunctions, common forms of être / avoir / faire, and fillers. Lower case, with accents.
 * Elided forms (l', d', qu') are split at the apostrophe, hence the single letters.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set([
  // articles, elisions
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux',
  // pronouns
  'je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'm', 'te', 't', 'se', 's',
  'moi', 'toi', 'lui', 'eux', 'soi', 'leur', 'leurs', 'y', 'en', 'ce', 'c', 'ça', 'cela', 'ceci',
  'celui', 'celle', 'ceux', 'celles', 'qui', 'que', 'qu', 'quoi', 'dont', 'où', 'lequel', 'laquelle',
  'lesquels', 'lesquelles', 'auquel', 'duquel',
  // possessives, demonstratives
  'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos',
  'cet', 'cette', 'ces',
  // prepositions
  'à', 'dans', 'par', 'pour', 'sur', 'sous', 'avec', 'sans', 'chez', 'entre', 'vers', 'contre',
  'avant', 'après', 'depuis', 'pendant', 'selon', 'via', 'afin', 'lors', 'envers', 'parmi', 'dès',
  // conjunctions, adverbs, fillers
  'et', 'ou', 'mais', 'donc', 'or', 'ni', 'car', 'si', 'comme', 'quand', 'lorsque', 'puis', 'ainsi',
  'alors', 'aussi', 'encore', 'déjà', 'très', 'trop', 'peu', 'plus', 'moins', 'bien', 'tout', 'tous',
  'toute', 'toutes', 'autre', 'autres', 'même', 'mêmes', 'chaque', 'quel', 'quelle', 'quels',
  'quelles', 'ne', 'n', 'pas', 'non', 'oui', 'ici', 'là', 'voilà', 'etc', 'cas', 'fois', 'tant',
  'tel', 'telle', 'tels', 'telles', 'rien', 'aucun', 'aucune', 'beaucoup', 'certains', 'certaines',
  // être, avoir, faire, pouvoir, devoir: common forms
  'être', 'est', 'sont', 'suis', 'es', 'sommes', 'êtes', 'était', 'étaient', 'été', 'sera', 'seront',
  'serait', 'soit', 'soient', 'avoir', 'a', 'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient',
  'aura', 'eu', 'ait', 'faire', 'fait', 'font', 'faut', 'peut', 'peuvent', 'pouvoir', 'doit',
  'doivent', 'devoir',
]);
