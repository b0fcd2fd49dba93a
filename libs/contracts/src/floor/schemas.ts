import { z } from 'zod';
import { Uuid } from '../common';
import { Gender, MemberCategory, TerritoryType } from '../enums';
import { FLOOR_LIMITS } from '../limits';

export { FLOOR_LIMITS };

/** Which balance criteria a speakers' list applies (libs/domain `orderFloor`); all on by default. */
export const FloorRuleConfig = z
  .object({
    parity: z.boolean().default(true).describe('Alternate women and men when both wait'),
    category: z.boolean().default(true).describe('No two élus (or citoyens) in a row when the other category waits'),
    territory: z.boolean().default(true).describe('Prefer territories and territory types not yet heard in this item'),
    time: z.boolean().default(true).describe('Then the lowest cumulative speaking time in the session'),
  })
  .strict();
export type FloorRuleConfig = z.infer<typeof FloorRuleConfig>;

/** Settings of a speakers' list. */
export const FloorConfig = z
  .object({
    speakingSeconds: z.number().int().min(15).max(FLOOR_LIMITS.speakingSecondsMax).default(120).describe('Speaking time given to each speaker'),
    rule: FloorRuleConfig.default({ parity: true, category: true, territory: true, time: true }),
  })
  .strict();
export type FloorConfig = z.infer<typeof FloorConfig>;

export const FloorStance = z.enum(['for', 'against', 'question']);
export type FloorStance = z.infer<typeof FloorStance>;

export const FloorRequestState = z.enum(['waiting', 'speaking', 'done', 'withdrawn']);
export type FloorRequestState = z.infer<typeof FloorRequestState>;

export const FloorReasonCode = z.enum(['pinned', 'priority', 'parity', 'category', 'newTerritory', 'newTerritoryType', 'leastTime', 'arrival', 'only']);

export const FloorRequestView = z.object({
  id: Uuid,
  activityId: Uuid,
  participantId: Uuid.nullable().describe('Null for a person added by staff without a device'),
  name: z.string(),
  territory: z.string().nullable(),
  territoryType: TerritoryType.nullable(),
  category: MemberCategory.nullable(),
  gender: Gender.nullable(),
  stance: FloorStance.nullable(),
  remote: z.boolean(),
  priority: z.boolean().describe('A priority speaker (rapporteur, president), before the balanced order'),
  state: FloorRequestState,
  position: z.number().int().positive().nullable().describe('1-based place in the waiting list; null unless waiting'),
  reason: z.object({ code: FloorReasonCode, value: z.union([z.string(), z.number(), z.null()]) }).nullable().describe('Why the request is at its place (one line on the console)'),
  spokenMs: z.number().int().nonnegative().describe('Speaking time recorded for this request'),
});
export type FloorRequestView = z.infer<typeof FloorRequestView>;

export const FloorTimerView = z.object({
  durationMs: z.number().int().nonnegative().describe('Speaking time given, extensions included'),
  remainingMs: z.number().int().describe('At the time of the message; negative once overrun'),
  running: z.boolean(),
});
export type FloorTimerView = z.infer<typeof FloorTimerView>;

/** One speakers' list as everyone who may read the activity sees it. */
export const FloorListView = z.object({
  activityId: Uuid,
  config: FloorConfig,
  speaker: FloorRequestView.nullable(),
  timer: FloorTimerView.nullable().describe('The current speaker’s countdown'),
  waiting: z.array(FloorRequestView).describe('In order, each with its position and reason: all of them for staff, the next three for everyone else'),
  queue: z.array(Uuid).describe('Every waiting request id, in order (a member finds their position in it)'),
  heard: z.number().int().nonnegative().describe('Speakers already heard in this item'),
});
export type FloorListView = z.infer<typeof FloorListView>;

/** Snapshot part `features.floor`. */
export const FloorSnapshot = z.object({
  lists: z.record(Uuid, FloorListView).describe('Each speakers’ list the caller may read, by activity id (staff: every waiting request in full; others: the next three)'),
  mine: z.array(FloorRequestView).describe('The caller’s own waiting or speaking requests'),
});
export type FloorSnapshot = z.infer<typeof FloorSnapshot>;
