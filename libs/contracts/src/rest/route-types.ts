import type { z } from 'zod';
import type { RouteKey, RouteTable } from './routes';

/**
 * What a caller sends to, and gets from, each REST route, derived from the route table (types only:
 * the web app imports them with `import type`, so no schema reaches its bundle).
 */

/** `'/api/sessions/:id/survey-questions/:questionId/results'` → `'id' | 'questionId'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values of the `:name` placeholders of a route's path (`{}` when it has none). */
export type RouteParams<K extends RouteKey> = { [N in PathParamNames<RouteTable[K]['path']>]: string };

/** The JSON body a route reads, as the caller writes it (the schema's input); `never` without one. */
export type RouteBody<K extends RouteKey> = RouteTable[K] extends { body: infer S extends z.ZodType } ? z.input<S> : never;

/** A query value as the URL carries it: what the schema coerces (`z.coerce.number()`) may be given as a number. */
type QueryValue<T> = unknown extends T ? string | number | boolean | undefined : T;

/** The query parameters a route reads (all optional in the URL); `never` without any. */
export type RouteQuery<K extends RouteKey> = RouteTable[K] extends { query: infer S extends z.ZodType }
  ? { [P in keyof z.input<S>]?: QueryValue<z.input<S>[P]> }
  : never;

/** The JSON a route answers (the schema's output); `void` for routes that answer nothing or a file. */
export type RouteResponse<K extends RouteKey> = RouteTable[K] extends { response: infer S extends z.ZodType } ? z.output<S> : void;
