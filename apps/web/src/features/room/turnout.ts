import type { LiveResults, PresenceView, QuestionView, SessionSnapshot } from '@palabre/contracts';

export interface QuestionTurnout {
  questionId: string;
  prompt: string;
  ballots: number;
  present: number;
  /** Whole percentage of present members who voted; null with nobody present. */
  percent: number | null;
}

/** Members connected now (staff and screens are not voters), from the staff presence list. */
export function presentMembers(presence: PresenceView): number {
  return (presence.online ?? []).filter((o) => o.role === 'member').length;
}

/**
 * "x % des membres présents ont voté". While the question is open, present is the members
 * connected now (as the server counts them), never fewer than those who voted; once closed,
 * the figure the server froze at the close.
 */
export function turnoutOf(live: Pick<LiveResults, 'state' | 'ballots' | 'present'>, membersNow: number): Pick<QuestionTurnout, 'ballots' | 'present' | 'percent'> {
  const present = live.state === 'open' ? Math.max(membersNow, live.ballots) : live.present;
  return { ballots: live.ballots, present, percent: present > 0 ? Math.round((100 * live.ballots) / present) : null };
}

/**
 * The survey being voted on: the room's current item when it is a survey with an open question,
 * else the first plenary survey with one (a question opened without starting the item). A
 * working group's survey is left out: its present members are the group's, not the session's.
 * With no open question anywhere, the current survey is named with an empty list.
 */
export function currentSurveyTurnout(snapshot: SessionSnapshot): { title: string; questions: QuestionTurnout[] } | null {
  const room = snapshot.features.room;
  const surveys = snapshot.features.surveys;
  const openOf = (activityId: string): QuestionView[] => (surveys?.surveys[activityId]?.questions ?? []).filter((q) => q.state === 'open');
  const current = snapshot.activities.find((a) => a.id === room?.currentActivityId && a.kind === 'survey');
  const plenary = [...snapshot.activities].sort((a, b) => a.position - b.position).filter((a) => a.kind === 'survey' && a.groupId === null);
  const voting = [...(current ? [current] : []), ...plenary].find((a) => openOf(a.id).length > 0) ?? current;
  if (!voting) return null;
  const membersNow = presentMembers(snapshot.presence);
  return {
    title: voting.title,
    questions: openOf(voting.id).map((q) => {
      const live = surveys?.results[q.id] ?? { state: q.state, ballots: 0, present: 0 };
      return { questionId: q.id, prompt: q.prompt, ...turnoutOf({ ...live, state: q.state }, membersNow) };
    }),
  };
}
