import { sha256Hex } from './sha256';

/**
 * Anonymous ballots (docs/decisions.md, "Secret ballots"). The member's device holds a random secret; for
 * each question it derives the question secret, which it sends with its ballot. The server
 * keeps two unrelated hashes of it: the ballot's commitment (on the ballot row, published on
 * the sealed ballot board) and the voter token (on the receipt row, with the voter). Without
 * the question secret, neither can be computed from the other.
 */

/** The question secret: what the device sends with an anonymous ballot (64 hex digits). */
export function questionSecret(deviceSecret: string, questionId: string): string {
  return sha256Hex(`palabre/question-secret/v1|${deviceSecret}|${questionId}`);
}

/** Stored on the ballot row and published on the ballot board. */
export function ballotCommitment(secret: string): string {
  return sha256Hex(`palabre/ballot-commitment/v1|${secret}`);
}

/** Stored on the receipt row (who voted): only the same secret proves it is the same device. */
export function voterToken(secret: string): string {
  return sha256Hex(`palabre/voter-token/v1|${secret}`);
}

/** The short code a voter notes: the commitment's first 12 hex digits, upper case, in groups of four. */
export function receiptCode(commitment: string): string {
  const head = commitment.slice(0, 12).toUpperCase();
  return `${head.slice(0, 4)}-${head.slice(4, 8)}-${head.slice(8, 12)}`;
}

/** A code as typed by a person (any case, spaces or dashes): its canonical form, or null. */
export function normaliseReceiptCode(typed: string): string | null {
  const hex = typed.replace(/[\s-]/g, '').toUpperCase();
  return /^[0-9A-F]{12}$/.test(hex) ? `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}` : null;
}

export const BALLOT_SECRET_PATTERN = /^[0-9a-f]{64}$/;
