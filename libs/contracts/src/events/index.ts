import type { z } from 'zod';
import type { Ack } from '../common';
import { BOARD_COMMANDS, BOARD_EVENTS } from './boards';
import { CORE_COMMANDS, CORE_EVENTS } from './core';
import { SURVEY_COMMANDS, SURVEY_EVENTS } from './surveys';
import { QNA_COMMANDS, QNA_EVENTS } from './qna';
import { ROOM_COMMANDS, ROOM_EVENTS } from './room';
import { GROUPS_COMMANDS, GROUPS_EVENTS } from './groups';
import { OPINIONS_COMMANDS, OPINIONS_EVENTS } from './opinions';
import { FLOOR_COMMANDS, FLOOR_EVENTS } from './floor';
import { CHANNEL_COMMANDS, CHANNEL_EVENTS } from './channels';
import { AMENDMENTS_COMMANDS, AMENDMENTS_EVENTS } from './amendments';

export { GroupMove, SeedSource } from './groups';
export { command, event, type CommandDefinition, type EventDefinition } from './define';

/** Every client → server command. A feature adds its record here. */
export const COMMANDS = {
  ...CORE_COMMANDS,
  ...BOARD_COMMANDS,
  ...SURVEY_COMMANDS,
  ...QNA_COMMANDS,
  ...ROOM_COMMANDS,
  ...GROUPS_COMMANDS,
  ...OPINIONS_COMMANDS,
  ...FLOOR_COMMANDS,
  ...CHANNEL_COMMANDS,
  ...AMENDMENTS_COMMANDS,
} as const;

/** Every server → client event. A feature adds its record here. */
export const EVENTS = {
  ...CORE_EVENTS,
  ...BOARD_EVENTS,
  ...SURVEY_EVENTS,
  ...QNA_EVENTS,
  ...ROOM_EVENTS,
  ...GROUPS_EVENTS,
  ...OPINIONS_EVENTS,
  ...FLOOR_EVENTS,
  ...CHANNEL_EVENTS,
  ...AMENDMENTS_EVENTS,
} as const;

export type CommandName = keyof typeof COMMANDS;
export type EventName = keyof typeof EVENTS;
export type CommandPayload<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['payload']>;
export type CommandInput<C extends CommandName> = z.input<(typeof COMMANDS)[C]['payload']>;
export type CommandResult<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['result']>;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]['payload']>;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** socket.io typed maps: a renamed event fails to compile on both sides. */
export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandInput<C>, ack: (answer: Ack<CommandResult<C>>) => void) => void;
};
export type ServerToClientEvents = {
  [E in EventName]: (payload: EventPayload<E>) => void;
};
