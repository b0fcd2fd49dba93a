import './browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';
import { ErrorBody } from './errors';

export const Uuid = z.uuid();
export const OpId = z.uuid().describe('Client-generated id of this command; a retry with the same opId is applied once');

/**
 * The one rule for text coming in: no U+0000 and no half of a UTF-16 surrogate pair. PostgreSQL
 * text and jsonb cannot store either as written (a NUL fails, a lone surrogate is replaced by
 * U+FFFD in text and fails in jsonb), so such input is refused with VALIDATION_FAILED instead.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this rule refuses
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE = 'Text must not contain the NUL character (U+0000) or an unpaired surrogate (U+D800–U+DFFF)';

export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

/**
 * Where unsafe text sits in any parsed value (keys included), as a dotted path; undefined when
 * there is none. The API runs it on every body, payload, query and path parameter it accepts,
 * so even a field typed `unknown` or a record key cannot carry such text to the database.
 */
export function unsafeTextPath(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : path.join('.');
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!isSafeText(key)) return [...path, key].join('.');
    const found = unsafeTextPath(item, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Any text a person types: a string that obeys the rule above. */
export function plainText() {
  return z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);
}

/** Bounded, trimmed text. User text is stored as written and always rendered as text. */
export function text(min: number, max: number) {
  return plainText().trim().min(min).max(max);
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
