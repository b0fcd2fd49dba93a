import type { SurveysFeature, SurveyView } from '@palabre/contracts';
import { patchFeature, type SnapshotPatchers } from '../../lib/patchers';

const EMPTY: SurveysFeature = { surveys: {}, myBallots: {}, results: {} };
const FEATURE = 'surveys';

/** Members never receive drafts: keep the drafts already known (staff), take the rest from the event. */
function mergeMemberView(previous: SurveyView | undefined, next: SurveyView): SurveyView {
  const sent = new Set(next.questions.map((q) => q.id));
  const drafts = (previous?.questions ?? []).filter((q) => q.state === 'draft' && !sent.has(q.id));
  return { ...next, questions: [...next.questions, ...drafts].sort((a, b) => a.position - b.position) };
}

export const surveyPatchers: SnapshotPatchers = {
  'survey.updated': (snapshot, { activityId, survey }) =>
    patchFeature(snapshot, FEATURE, (s = EMPTY) => ({ ...s, surveys: { ...s.surveys, [activityId]: mergeMemberView(s.surveys[activityId], survey) } })),
  'survey.drafts.updated': (snapshot, { activityId, survey }) =>
    patchFeature(snapshot, FEATURE, (s = EMPTY) => ({ ...s, surveys: { ...s.surveys, [activityId]: survey } })),
  'results.updated': (snapshot, p) =>
    patchFeature(snapshot, FEATURE, (s = EMPTY) => ({
      ...s,
      results: {
        ...s.results,
        [p.questionId]: { activityId: p.activityId, questionId: p.questionId, state: p.state, ballots: p.ballots, present: p.present, results: p.results, parts: p.parts, paper: p.paper, rollCall: p.rollCall },
      },
    })),
  // Anonymous surveys send only the receipt code: this device's own ballots are in device-ballots.ts.
  // A ballot cast for a represented member (proxy) is not mine: the proxy view applies it (channels/useChannels.ts).
  'ballot.recorded': (snapshot, { questionId, value, forMemberId }) =>
    value && !forMemberId ? patchFeature(snapshot, FEATURE, (s = EMPTY) => ({ ...s, myBallots: { ...s.myBallots, [questionId]: value } })) : snapshot,
};
