/**
 * Whether the session whose id is the SQL expression `sessionId` has a roster (a participant bound to
 * a roster member): the one test behind a session's `hasRoster`, the ballot check and the board's
 * support eligibility (resolveEligibility).
 */
export function hasRosterSql(sessionId: string): string {
  return `EXISTS (SELECT 1 FROM participant r WHERE r.session_id = ${sessionId} AND r.member_id IS NOT NULL)`;
}
