import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';

/**
 * zxcvbn's score is 0–4; 3 means "safely unguessable: moderate protection from an offline
 * slow-hash scenario" (about 10^8 guesses). Staff passwords guard every session of the region.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries (common passwords, French words and names) take a moment to load. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
  });
  return estimator;
}

/**
 * The staff password policy, applied wherever a staff password is set (REST and CLI): the
 * contracts' Password schema bounds the length, the maintained strength estimator zxcvbn-ts
 * refuses common passwords, repetitions, sequences, keyboard walks and the person's own
 * name or email. True when the password may be used.
 */
export function isStrongPassword(password: string, personal: string[] = []): boolean {
  if (password.trim().length < 12) return false;
  const inputs = personal.flatMap((text) => [text, ...text.split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 3);
  return zxcvbn().check(password, inputs).score >= MIN_SCORE;
}
