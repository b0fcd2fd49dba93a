import type { OpinionAnswer, OpinionMemberProfile, OpinionVote } from './map';

/**
 * An opinion map's answers packed for transport: the statements once, then one entry per member
 * with its profile and all its votes in one string. About a hundred times fewer objects than the
 * answers themselves (250 members instead of 100,000 answers at 500 statements): the API reads
 * this form in one row and sends it to the map's worker thread, which unpacks it.
 */
export interface PackedOpinionAnswers {
  /** The statements' ids: a member's votes name them by position (0, 1, …). */
  statements: readonly string[];
  members: readonly PackedOpinionMember[];
}

export interface PackedOpinionMember {
  memberId: string;
  profile: OpinionMemberProfile;
  /** Each answer as its statement's position followed by the vote's first letter (a, d or p), e.g. "0a3p17d". */
  votes: string;
}

const VOTE: Record<string, OpinionVote> = { a: 'agree', d: 'disagree', p: 'pass' };
const ZERO = 48;

/** The answers and the members' profiles of a packed form (members in order, each one's votes in its string's order). */
export function unpackOpinionAnswers(packed: PackedOpinionAnswers): { answers: OpinionAnswer[]; profiles: Map<string, OpinionMemberProfile> } {
  const answers: OpinionAnswer[] = [];
  const profiles = new Map<string, OpinionMemberProfile>();
  for (const { memberId, profile, votes } of packed.members) {
    profiles.set(memberId, profile);
    // Read by hand, a character at a time: 100,000 answers in a few milliseconds.
    let at = 0;
    while (at < votes.length) {
      const start = at;
      let position = 0;
      for (let digit = votes.charCodeAt(at) - ZERO; digit >= 0 && digit <= 9; digit = votes.charCodeAt(++at) - ZERO) position = position * 10 + digit;
      const vote = at > start ? VOTE[votes[at]] : undefined;
      const statementId = packed.statements[position];
      if (vote === undefined || statementId === undefined) throw new Error(`packed opinion votes of ${memberId}: unreadable at ${start} ("${votes.slice(start, start + 12)}")`);
      answers.push({ memberId, statementId, vote });
      at++;
    }
  }
  return { answers, profiles };
}
