import { Init1764180000000 } from './1764180000000-Init';
import { Outcomes1764220000000 } from './1764220000000-Outcomes';

/** Every migration, in order. Explicit so that compiled and test runs load the same list. */
export const MIGRATIONS = [Init1764180000000, Outcomes1764220000000];
