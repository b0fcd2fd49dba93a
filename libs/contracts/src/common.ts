import './browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';
import { ErrorBody } from './errors';

export const Uuid = z.uuid();
export const OpId = z.uuid().describe('Client-generated id of this command; a retry with the same opId is applied once');

/** Bounded, trimmed text. User text is stored as written and always rendered as text. */
export function text(min: number, max: number) {
  return z.string().trim().min(min).max(max);
}

export const DisplayName = text(1, 60).describe('Name shown to the room');
export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,24}$/)
  .describe('Session join code, case-insensitive');

/** What every command acknowledgement looks like. Never silence. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export const AckError = z.object({ ok: z.literal(false), error: ErrorBody });

export function ackSchema<T extends z.ZodType>(data: T) {
  return z.union([z.object({ ok: z.literal(true), data }), AckError]);
}

/** Every server event carries the session version it was produced at. */
export const Versioned = z.object({
  sessionId: Uuid,
  version: z.number().int().nonnegative().describe('Session version after this fact; events with a lower or equal version than the client snapshot are stale'),
});
