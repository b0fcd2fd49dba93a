import type { z } from 'zod';
import { AppError } from './errors/app-error';

/** Parse with the shared contract schema; failures become VALIDATION_FAILED with one issue per field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      result.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const nul = nulPath(result.data);
  if (nul !== undefined) throw new AppError('VALIDATION_FAILED', [{ path: nul, message: 'Text must not contain the NUL character (U+0000)' }]);
  return result.data;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a string carrying one would fail in the database
 * (INTERNAL). It is refused here instead, wherever it sits in the accepted payload — keys included.
 */
function nulPath(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = nulPath(item, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
