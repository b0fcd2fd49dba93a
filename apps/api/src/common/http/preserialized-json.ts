import { randomBytes } from 'node:crypto';

/** Values whose JSON is already written: shared, frozen parts of many responses (a big board's ideas). */
const written = new WeakMap<object, string>();

/**
 * Freezes `value` (it is shared by every response that carries it) and writes its JSON once:
 * `toJson` copies that text instead of serialising the value again. Only plain JSON data.
 */
export function preserialize<T extends object>(value: T): T {
  if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') Object.freeze(item);
  written.set(value, JSON.stringify(value));
  return Object.freeze(value);
}

/**
 * `JSON.stringify(value)`, with the text of every preserialized part copied in. Each part is first
 * written as a marker string carrying a random nonce (no value a user wrote can match it), then the
 * quoted markers are replaced by the parts' text.
 */
export function toJson(value: unknown): string {
  const parts: string[] = [];
  const nonce = randomBytes(8).toString('hex');
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object') {
      const text = written.get(v);
      if (text !== undefined) return `@@${nonce}:${parts.push(text) - 1}`;
    }
    return v;
  });
  if (parts.length === 0) return json;
  return json.replace(new RegExp(`"@@${nonce}:(\\d+)"`, 'g'), (_match, index: string) => parts[Number(index)]);
}
