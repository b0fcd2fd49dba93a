import { randomBytes } from 'node:crypto';

/** Values whose JSON is already written (UTF-8): shared, frozen parts of many responses (a big board's ideas). */
const written = new WeakMap<object, Buffer>();

/**
 * Freezes `value` (it is shared by every response that carries it) and writes its JSON once, as
 * UTF-8: `toJsonBuffer` copies those bytes instead of serialising and encoding the value again.
 * Only plain JSON data.
 */
export function preserialize<T extends object>(value: T): T {
  if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') Object.freeze(item);
  written.set(value, Buffer.from(JSON.stringify(value)));
  return Object.freeze(value);
}

/**
 * `JSON.stringify(value)` as UTF-8, with the bytes of every preserialized part copied in. Each part
 * is first written as a marker string carrying a random nonce (no value a user wrote can match it);
 * the text around the markers is encoded and the parts' bytes put in their place.
 */
export function toJsonBuffer(value: unknown): Buffer {
  const parts: Buffer[] = [];
  const nonce = randomBytes(8).toString('hex');
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object') {
      const bytes = written.get(v);
      if (bytes !== undefined) return `@@${nonce}:${parts.push(bytes) - 1}`;
    }
    return v;
  });
  if (parts.length === 0) return Buffer.from(json);
  // split with a capturing group: text, part index, text, part index, …, text.
  const pieces = json.split(new RegExp(`"@@${nonce}:(\\d+)"`));
  return Buffer.concat(pieces.map((piece, index) => (index % 2 === 0 ? Buffer.from(piece) : parts[Number(piece)])));
}
