import { z } from 'zod';
import { OpId } from '../common';

/** A client → server command: its payload (always with an opId) and the data of its ok ack. */
export interface CommandDefinition<P extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> {
  payload: P;
  result: R;
  summary: string;
}

export function command<P extends z.ZodRawShape, R extends z.ZodType>(shape: P, result: R, summary: string) {
  const payload = z.object({ opId: OpId, ...shape }).strict();
  return { payload, result, summary } satisfies CommandDefinition;
}

/** A server → client fact. `scope` says which room receives it. */
export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  payload: P;
  /** `display`: the staff and the session's screens (projectors), not the members' phones. */
  scope: 'session' | 'staff' | 'display' | 'group' | 'participant';
  summary: string;
  /** Volatile events (presence, live results) carry the current version without bumping it. */
  volatile?: boolean;
}

export function event<P extends z.ZodType>(payload: P, scope: EventDefinition['scope'], summary: string, volatile = false) {
  return { payload, scope, summary, volatile } satisfies EventDefinition;
}
