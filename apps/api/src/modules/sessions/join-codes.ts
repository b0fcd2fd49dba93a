import { createHash, createHmac, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateJoinCode(length = 6): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A personal invitation token is derived, not stored: it can be printed again, and only its hash is kept. */
export function invitationToken(secret: string, participantId: string): string {
  return createHmac('sha256', secret).update(`invitation:${participantId}`).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
