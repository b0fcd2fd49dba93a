import type { z } from 'zod';

/**
 * Who may call a route:
 * - `public`: anyone;
 * - `staff`: a signed-in staff account (role rules live in libs/domain);
 * - `session`: a participant token of the session named by `:id` in the path.
 */
export type RouteAuth = 'public' | 'staff' | 'session';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  auth: RouteAuth;
  summary: string;
  body?: z.ZodType;
  /** Query parameters the route reads; any other is ignored. A malformed one answers 400. */
  query?: z.ZodObject;
  response?: z.ZodType;
  /** Non-JSON bodies or answers (CSV upload, file download). */
  contentType?: string;
}

/**
 * One record of the route table. The definition keeps its own type (the path as a literal, the
 * exact zod schemas), so that `RouteBody<K>`, `RouteParams<K>`, `RouteQuery<K>` and
 * `RouteResponse<K>` (`route-types.ts`) can be derived for every key.
 */
export function route<const K extends string, const D extends RouteDefinition>(key: K, def: D): { [P in K]: D } {
  return { [key]: def } as { [P in K]: D };
}
