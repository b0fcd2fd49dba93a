import type { z } from 'zod';
import { UNSAFE_TEXT_MESSAGE, unsafeTextPath } from '@palabre/contracts';
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
  refuseUnsafeText(result.data);
  return result.data;
}

/**
 * The contracts' text rule (no NUL, no lone surrogate) applied to a whole accepted value, keys
 * included: a field typed `unknown`, a record key or a CSV upload cannot slip past it.
 */
export function refuseUnsafeText(value: unknown): void {
  const path = unsafeTextPath(value);
  if (path !== undefined) throw new AppError('VALIDATION_FAILED', [{ path, message: UNSAFE_TEXT_MESSAGE }]);
}
