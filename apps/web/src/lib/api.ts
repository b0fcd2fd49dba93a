import { ROUTE_META } from '@palabre/contracts/meta';
import { currentLocale } from '../i18n';
import { ApiError, parseErrorBody } from './errors';

export { ApiError } from './errors';

export interface RequestOptions {
  /** Values for `:name` placeholders in the route path. */
  params?: Record<string, string>;
  /** JSON body. */
  body?: unknown;
  /** Staff or session bearer token. */
  token?: string | null;
  signal?: AbortSignal;
}

/** Fills `:id`-style placeholders; values are URL-encoded. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing route parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/**
 * Calls a REST route declared in the contracts (`ROUTES`, read here from the zod-free `ROUTE_META`), e.g.
 * `apiRequest<SessionSnapshot>('sessions.snapshot', { params: { id }, token })`.
 * Resolves with the JSON answer; rejects with an `ApiError` carrying the server code and message.
 */
export function apiRequest<T>(route: keyof typeof ROUTE_META, options: RequestOptions = {}): Promise<T> {
  const { method, path } = ROUTE_META[route];
  return apiFetch<T>(method, routePath(path, options.params), options);
}

/** Lower level: any method and path under the same origin. Prefer `apiRequest`. */
export async function apiFetch<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', '', 0);
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const body = parseErrorBody(typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : null);
    if (body) throw ApiError.fromBody(body, response.status);
    // A proxy page or an empty 502: nothing the user can act on but "try again".
    throw new ApiError(response.status >= 500 ? 'NETWORK_ERROR' : 'BAD_RESPONSE', '', response.status);
  }
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
