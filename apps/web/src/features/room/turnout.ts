import type { LiveResults, PresenceView, QuestionView, RoomSnapshot, SessionSnapshot, SurveysFeature } from '@palabre/contracts';

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

/** The open questions of the survey that is the room's current item, with their turnout. */
export function currentSurveyTurnout(snapshot: SessionSnapshot): { title: string; questions: QuestionTurnout[] } | null {
  const room = snapshot.features.room as RoomSnapshot | undefined;
  const activity = snapshot.activities.find((a) => a.id === room?.currentActivityId);
  if (!activity || activity.kind !== 'survey') return null;
  const surveys = snapshot.features.surveys as SurveysFeature | undefined;
  const questions: QuestionView[] = surveys?.surveys[activity.id]?.questions ?? [];
  const membersNow = presentMembers(snapshot.presence);
  return {
    title: activity.title,
    questions: questions
      .filter((q) => q.state === 'open')
      .map((q) => {
        const live = surveys?.results[q.id] ?? { state: q.state, ballots: 0, present: 0 };
        return { questionId: q.id, prompt: q.prompt, ...turnoutOf({ ...live, state: q.state }, membersNow) };
      }),
  };
}
