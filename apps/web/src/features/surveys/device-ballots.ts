import { ballotCommitment, questionSecret, receiptCode } from '@palabre/domain';
import type { BallotValue } from '@palabre/contracts';

/**
 * What this device keeps for anonymous ballots (docs/decisions.md, "Secret ballots"), next to the
 * participant's session token in localStorage: a random secret generated here and never sent
 * (only per-question secrets derived from it are), and each anonymous ballot cast from here with
 * its receipt code. The server cannot find an anonymous ballot for anyone: this is where the
 * phone reads its own back, and only this device can change it.
 */
interface DeviceBallots {
  secret: string;
  ballots: Record<string, { value: BallotValue; receipt: string }>;
}

const key = (participantId: string) => `palabre.ballot-device.${participantId}`;

function randomSecret(): string {
  // getRandomValues works on plain-http LAN addresses too, unlike crypto.subtle.
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function load(participantId: string): DeviceBallots {
  try {
    const raw = localStorage.getItem(key(participantId));
    if (raw) {
      const parsed = JSON.parse(raw) as DeviceBallots;
      if (typeof parsed.secret === 'string' && /^[0-9a-f]{64}$/.test(parsed.secret)) return { secret: parsed.secret, ballots: parsed.ballots ?? {} };
    }
  } catch {
    // Unreadable: a fresh secret (earlier anonymous ballots of this device become final).
  }
  const fresh = { secret: randomSecret(), ballots: {} };
  save(participantId, fresh);
  return fresh;
}

function save(participantId: string, state: DeviceBallots): void {
  try {
    localStorage.setItem(key(participantId), JSON.stringify(state));
  } catch {
    // Private browsing or a full quota: the ballot still counts, the receipt is shown until the page closes.
  }
}

/** The secret to send with an anonymous ballot on this question, and the receipt code it will have. */
export function anonymousCredentials(participantId: string, questionId: string): { ballotSecret: string; receipt: string } {
  const ballotSecret = questionSecret(load(participantId).secret, questionId);
  return { ballotSecret, receipt: receiptCode(ballotCommitment(ballotSecret)) };
}

/** Once the server acknowledged: this device remembers what it cast and the receipt code. */
export function rememberAnonymous(participantId: string, questionId: string, value: BallotValue, receipt: string): void {
  const state = load(participantId);
  save(participantId, { ...state, ballots: { ...state.ballots, [questionId]: { value, receipt } } });
}

/** The anonymous ballot this device cast on a question, if any. */
export function anonymousBallot(participantId: string, questionId: string): { value: BallotValue; receipt: string } | undefined {
  return load(participantId).ballots[questionId];
}
