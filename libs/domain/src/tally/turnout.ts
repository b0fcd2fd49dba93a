/**
 * Turnout of one question, the one rule every view and export uses.
 *
 * « Voters » are the members who cast a ballot on the question. « Present » are the members
 * connected when the question closed (or now, while it is open), and never fewer than the
 * voters: a member who voted and then lost the connection before the close was there. So
 * voters ≤ present always holds and the rate is at most 100 %.
 */
export interface QuestionTurnout {
  voters: number;
  /** null when no head count was taken (a question that was never closed, an old record). */
  present: number | null;
  /** voters / present, 0..1, rounded to 0.001; null without a head count. */
  rate: number | null;
}

export function questionPresent(voters: number, connected: number | null | undefined): number | null {
  return connected === null || connected === undefined ? null : Math.max(connected, voters);
}

export function questionTurnout(voters: number, connected: number | null | undefined): QuestionTurnout {
  const present = questionPresent(voters, connected);
  return { voters, present, rate: present === null || present === 0 ? null : Math.round((voters / present) * 1000) / 1000 };
}
