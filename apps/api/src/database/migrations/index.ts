import { Init1764180000000 } from './1764180000000-Init';
import { WorkingGroups1764230000000 } from './1764230000000-WorkingGroups';

/** Every migration, in order. Explicit so that compiled and test runs load the same list. */
export const MIGRATIONS = [Init1764180000000, WorkingGroups1764230000000];
