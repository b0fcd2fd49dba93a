import type { ActivitySummary } from '@palabre/contracts';

/**
 * The activity shown by default: the one the facilitator last launched from the agenda, when it
 * has started and this viewer may see it; otherwise the last one (in agenda order) that has
 * started. Draft activities are prepared but not yet started.
 */
export function currentActivity(activities: readonly ActivitySummary[], launchedId: string | null = null): ActivitySummary | undefined {
  const launched = launchedId ? activities.find((a) => a.id === launchedId && a.state !== 'draft') : undefined;
  return launched ?? [...activities].sort((a, b) => a.position - b.position).findLast((a) => a.state !== 'draft');
}

/** The activity named in the URL (?activity=<id>), else the current one. */
export function selectActivity(activities: readonly ActivitySummary[], selectedId: string | null, launchedId: string | null = null): ActivitySummary | undefined {
  return (selectedId ? activities.find((a) => a.id === selectedId) : undefined) ?? currentActivity(activities, launchedId);
}
