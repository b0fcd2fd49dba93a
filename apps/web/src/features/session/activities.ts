import type { ActivitySummary } from '@palabre/contracts';

/**
 * The activity shown by default: the last one (in agenda order) that has started.
 * Draft activities are prepared but not yet started.
 */
export function currentActivity(activities: readonly ActivitySummary[]): ActivitySummary | undefined {
  return [...activities].sort((a, b) => a.position - b.position).findLast((a) => a.state !== 'draft');
}

/** The activity named in the URL (?activity=<id>), else the current one. */
export function selectActivity(activities: readonly ActivitySummary[], selectedId: string | null): ActivitySummary | undefined {
  return (selectedId ? activities.find((a) => a.id === selectedId) : undefined) ?? currentActivity(activities);
}
