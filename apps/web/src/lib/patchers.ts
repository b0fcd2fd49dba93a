import type { ActivitySummary, EventName, EventPayload, SessionSnapshot, SnapshotFeatureName, SnapshotFeatures } from '@palabre/contracts';

/**
 * Applies one server event to the cached snapshot and returns the new snapshot
 * (never mutate the old one). The version bookkeeping is done by the caller.
 */
export type SnapshotPatcher<E extends EventName> = (snapshot: SessionSnapshot, payload: EventPayload<E>) => SessionSnapshot;

/** One feature's patchers, by event name. */
export type SnapshotPatchers = { [E in EventName]?: SnapshotPatcher<E> };

type LoosePatcher = (snapshot: SessionSnapshot, payload: unknown) => SessionSnapshot;

/** Merges patcher sets; when several patch the same event they run in order. */
export function combinePatchers(...sets: SnapshotPatchers[]): SnapshotPatchers {
  const combined: Partial<Record<EventName, LoosePatcher>> = {};
  for (const set of sets) {
    for (const name of Object.keys(set) as EventName[]) {
      const next = set[name] as LoosePatcher | undefined;
      if (!next) continue;
      const previous = combined[name];
      combined[name] = previous ? (snapshot, payload) => next(previous(snapshot, payload), payload) : next;
    }
  }
  return combined as SnapshotPatchers;
}

/** One feature's part of the snapshot, typed by its name (SnapshotFeatures in the contracts). */
export function featureState<K extends SnapshotFeatureName>(snapshot: SessionSnapshot, feature: K): SnapshotFeatures[K] | undefined {
  return snapshot.features[feature];
}

/** Returns a snapshot whose `features[feature]` is replaced by `update(current)`. */
export function patchFeature<K extends SnapshotFeatureName>(
  snapshot: SessionSnapshot,
  feature: K,
  update: (current: SnapshotFeatures[K] | undefined) => NonNullable<SnapshotFeatures[K]>,
): SessionSnapshot {
  return { ...snapshot, features: { ...snapshot.features, [feature]: update(featureState(snapshot, feature)) } };
}

function byPosition(a: ActivitySummary, b: ActivitySummary): number {
  return a.position - b.position;
}

function upsertActivity(list: ActivitySummary[], activity: ActivitySummary): ActivitySummary[] {
  return [...list.filter((a) => a.id !== activity.id), activity].sort(byPosition);
}

/** The session, agenda and presence. */
export const corePatchers: SnapshotPatchers = {
  'session.updated': (snapshot, { session }) => ({ ...snapshot, session }),
  'activity.created': (snapshot, { activity }) => ({ ...snapshot, activities: upsertActivity(snapshot.activities, activity) }),
  'activity.updated': (snapshot, { activity }) => ({ ...snapshot, activities: upsertActivity(snapshot.activities, activity) }),
  'activity.deleted': (snapshot, { activityId }) => ({
    ...snapshot,
    activities: snapshot.activities.filter((a) => a.id !== activityId),
  }),
  // Members get the count, staff the list; merging keeps a list a count-only update would not carry.
  'presence.updated': (snapshot, { presence }) => ({ ...snapshot, presence: { ...snapshot.presence, ...presence } }),
};
