import { z } from 'zod';
import { Uuid, Versioned, text } from '../common';
import { Gender, MemberCategory, TerritoryType } from '../enums';
import { FLOOR_LIMITS, FloorListView, FloorRequestView, FloorStance } from '../floor/schemas';
import { command, event } from './define';

const Request = { requestId: Uuid };

export const FLOOR_COMMANDS = {
  'floor.request': command(
    {
      activityId: Uuid,
      stance: FloorStance.nullable().default(null).describe('For, against, or a question'),
      remote: z.boolean().default(false).describe('Speaking from the video call rather than the room'),
    },
    FloorRequestView,
    'Ask for the floor (a second request while one waits answers the waiting one).',
  ),
  'floor.withdraw': command(Request, FloorRequestView, 'Withdraw a waiting request (one’s own; staff: anyone’s). A no-op when already withdrawn.'),
  'floor.add': command(
    {
      activityId: Uuid,
      participantId: Uuid.optional().describe('A person of the session (e.g. a roster member without a phone): their roster profile is used'),
      name: text(1, FLOOR_LIMITS.nameMax).describe('The name shown on the list and the projector'),
      gender: Gender.optional(),
      category: MemberCategory.optional(),
      territory: text(1, 120).optional(),
      territoryType: TerritoryType.optional(),
      stance: FloorStance.nullable().default(null),
      remote: z.boolean().default(false),
      priority: z.boolean().default(false).describe('A priority speaker (rapporteur, president)'),
    },
    FloorRequestView,
    'Staff: add someone to the speakers’ list (a person without a device, or a priority speaker).',
  ),
  'floor.move': command(
    { ...Request, position: z.number().int().min(1).max(FLOOR_LIMITS.positionMax).nullable().describe('1-based; null gives the place back to the rule') },
    FloorRequestView,
    'Staff: move a waiting request to a position (an override, audited with its author).',
  ),
  'floor.give': command(Request, FloorRequestView, 'Staff: give the floor to a waiting request now (the current speaker’s turn ends; out of order is an audited override).'),
  'floor.timer': command(
    {
      activityId: Uuid,
      action: z.enum(['start', 'pause', 'extend', 'end']),
      seconds: z.number().int().min(1).max(FLOOR_LIMITS.extendSecondsMax).optional().describe('For extend (default 30)'),
    },
    FloorListView,
    'Staff: start, pause or extend the speaker’s countdown, or end their turn (the speaking time is recorded).',
  ),
} as const;

export const FLOOR_EVENTS = {
  'floor.list.updated': event(
    Versioned.extend({ list: FloorListView }),
    'session',
    'A speakers’ list changed (request, withdrawal, order, speaker, timer): the speaker, the timer, the order of request ids and the waiting requests in full with their reasons (staff: all of them; those who may read the activity: the next three). Volatile: a full state, idempotent.',
    true,
  ),
} as const;
