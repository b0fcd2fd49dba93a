import type { RouteBody } from '@palabre/contracts';
import { apiRequest } from './api';

/**
 * The REST calls of the participant pages (join, the roster's names, the snapshot), named for their
 * callers. Staff, screen and feature code calls `apiRequest` with the route key directly: bodies,
 * params and answers are typed by the contract either way.
 */
export const endpoints = {
  joinSession: (body: RouteBody<'sessions.join'>) => apiRequest('sessions.join', { body }),
  rosterNames: (code: string) => apiRequest('join.roster', { params: { code } }),
  snapshot: (token: string, id: string, signal?: AbortSignal) => apiRequest('sessions.snapshot', { token, params: { id }, signal }),
};
