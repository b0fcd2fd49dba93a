import type { RouteBody, RouteKey, RouteParams, RouteQuery, RouteResponse, RouteTable } from '@palabre/contracts';
import { ROUTE_META, type RouteMeta } from '@palabre/contracts/meta';
import { currentLocale } from '../i18n';
import { ApiError, parseErrorBody } from './errors';

export { ApiError } from './errors';

/** A route's address: the values of its path's `:name` placeholders, and its query parameters if it reads any. */
export type RouteAddress<K extends RouteKey> = (keyof RouteParams<K> extends never ? { params?: never } : { params: RouteParams<K> })
  & ([RouteQuery<K>] extends [never] ? { query?: never } : { query?: RouteQuery<K> });

/**
 * What a call to route `K` takes, derived from the contract (`libs/contracts/src/rest/route-types.ts`):
 * `params` when the path has `:name` placeholders, `query` when the route reads query parameters,
 * `body` when it reads JSON (its schema's input) or, for a CSV upload, the file's text (sent as
 * text/csv). Anything else does not compile.
 */
export type RouteOptions<K extends RouteKey> = RouteAddress<K> & {
  /** Staff or session bearer token. */
  token?: string | null;
  signal?: AbortSignal;
} & (RouteTable[K] extends { contentType: 'text/csv' } ? { body: string } : [RouteBody<K>] extends [never] ? { body?: never } : { body: RouteBody<K> });

/** The argument `T`, optional when nothing in it is required. */
type ArgOf<T> = object extends T ? [options?: T] : [options: T];

/** What the lower level reads of the options, whatever the route. */
interface SendOptions {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

/** Fills `:id`-style placeholders, URL-encoded (`RouteParams` makes the compiler check that each one is given). */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name]));
}

/** `path?name=value&…`, leaving out undefined and empty values; no `?` when nothing is left. */
function withQuery(path: string, query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value != null && value !== '') search.append(name, String(value));
  return search.size ? `${path}?${search}` : path;
}

/**
 * A typed client over a table of route addresses. The web holds two tables (both zod-free):
 * `ROUTE_META` in the entry, and `FOLLOWUP_ROUTE_META`, which only the follow-up pages' lazy chunk
 * loads (`routeClient(FOLLOWUP_ROUTE_META)` there). The schemas are read as types only: answers are
 * not parsed in the browser (docs/decisions.md, "REST calls typed by route key").
 */
export function routeClient<M extends Partial<Record<RouteKey, RouteMeta>>>(meta: M) {
  const address = (route: RouteKey, { params, query }: SendOptions = {}) => withQuery(routePath((meta[route] as RouteMeta).path, params), query);
  return {
    /**
     * Calls a route, e.g. `request('sessions.join', { body })`: resolves with the JSON answer typed
     * by the route's response schema; rejects with an `ApiError` carrying the server code and message.
     */
    request: <K extends RouteKey & keyof M>(route: K, ...[options]: ArgOf<RouteOptions<K>>) =>
      send((meta[route] as RouteMeta).method, address(route, options), options) as Promise<RouteResponse<K>>,
    /** A route's address for a link or a download, e.g. `url('followup.report', { params: { id }, query: { format } })`. */
    url: address as <K extends RouteKey & keyof M>(route: K, ...[options]: ArgOf<RouteAddress<K>>) => string,
  };
}

const core = routeClient(ROUTE_META);

/** Calls a REST route declared in the contracts, e.g. `apiRequest('sessions.snapshot', { params: { id }, token })`. */
export const apiRequest = core.request;

/** The address of a REST route declared in the contracts, for links and downloads. */
export const apiUrl = core.url;

async function send(method: string, url: string, { token, body, signal }: SendOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (token) headers.Authorization = `Bearer ${token}`;
  // Only a CSV upload's body is a string (JSON bodies are objects).
  const csv = typeof body == 'string';
  if (body !== undefined) headers['Content-Type'] = csv ? 'text/csv' : 'application/json';

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: csv || body === undefined ? body : JSON.stringify(body), signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', '', 0);
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const errorBody = parseErrorBody(typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : null);
    if (errorBody) throw ApiError.fromBody(errorBody, response.status);
    // A proxy page or an empty 502: nothing the user can act on but "try again".
    throw new ApiError(response.status >= 500 ? 'NETWORK_ERROR' : 'BAD_RESPONSE', '', response.status);
  }
  return payload;
}

/** The JSON answer; undefined when there is none (204, an empty body) or it is not JSON (a proxy's page). */
async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}
