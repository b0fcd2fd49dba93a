import { Init1764180000000 } from './1764180000000-Init';
import { QnaRoom1764210000000 } from './1764210000000-QnaRoom';

/** Every migration, in order. Explicit so that compiled and test runs load the same list. */
export const MIGRATIONS = [Init1764180000000, QnaRoom1764210000000];
