// Type-level tests of the REST client, checked by `npm run typecheck` (tsc -p apps/web): each
// `@ts-expect-error` fails the type-check if the line it marks ever compiles. Nothing here runs.
import { expectTypeOf } from 'vitest';
import type { ArchiveSummary, JoinResponse, QuestionVoters, RouteBody, RouteParams, RouteQuery, RouteResponse, SessionSummary } from '@palabre/contracts';
import { apiRequest, apiUrl } from './api';
import { followUpEndpoints } from '../features/followup/api';

export function answersAreTypedByTheContract() {
  expectTypeOf(apiRequest('sessions.join', { body: { code: 'ABCD', displayName: 'Awa' } })).toEqualTypeOf<Promise<JoinResponse>>();
  expectTypeOf(apiRequest('sessions.list', { token: 't' })).toEqualTypeOf<Promise<SessionSummary[]>>();
  expectTypeOf(apiRequest('surveys.voters', { params: { id: 's', questionId: 'q' } })).toEqualTypeOf<Promise<QuestionVoters>>();
  expectTypeOf(apiRequest('auth.logout', { token: 't' })).toEqualTypeOf<Promise<void>>();
  expectTypeOf(followUpEndpoints.sealedSessions('t')).toEqualTypeOf<Promise<ArchiveSummary[]>>();
  expectTypeOf<RouteParams<'surveys.results'>>().toEqualTypeOf<{ id: string; questionId: string }>();
  expectTypeOf<RouteParams<'sessions.list'>>().toEqualTypeOf<Record<never, string>>();
  expectTypeOf<RouteBody<'sessions.transition'>>().toEqualTypeOf<{ to: 'draft' | 'live' | 'closed' | 'archived' }>();
  expectTypeOf<RouteBody<'sessions.snapshot'>>().toBeNever();
  expectTypeOf<RouteQuery<'archive.list'>>().toEqualTypeOf<{ q?: string | undefined }>();
  expectTypeOf<RouteResponse<'exports.csv'>>().toBeVoid();
}

export async function wrongCallsDoNotCompile() {
  // @ts-expect-error: a join by code needs a display name
  await apiRequest('sessions.join', { body: { code: 'ABCD' } });
  // @ts-expect-error: not a session state
  await apiRequest('sessions.transition', { token: 't', params: { id: 's' }, body: { to: 'open' } });
  // @ts-expect-error: the path's placeholder is `id`, not `sessionId`
  await apiRequest('sessions.get', { token: 't', params: { sessionId: 's' } });
  // @ts-expect-error: the path has a placeholder, so params are required
  await apiRequest('sessions.get', { token: 't' });
  // @ts-expect-error: the snapshot reads no body
  await apiRequest('sessions.snapshot', { token: 't', params: { id: 's' }, body: {} });
  // @ts-expect-error: archive.list reads `q`, not `search`
  await apiRequest('archive.list', { token: 't', query: { search: 'budget' } });
  // @ts-expect-error: the follow-up addresses come with their lazy chunk, not with the entry's client
  await apiRequest('followup.list', { token: 't' });
  // @ts-expect-error: not a route
  await apiRequest('sessions.delete', { token: 't' });
  // @ts-expect-error: the activity is named by its id, a string
  apiUrl('exports.csv', { params: { id: 's' }, query: { activityId: 7 } });
  // @ts-expect-error: an export's address names its session
  apiUrl('exports.csv');

  const sessions = await apiRequest('sessions.list', { token: 't' });
  // @ts-expect-error: the answer is a list of sessions, not one
  const one: SessionSummary = sessions;
  const joined = await apiRequest('sessions.join', { body: { invitation: 'x' } });
  // @ts-expect-error: a join answers a token and a participant, not a session
  const title: string = joined.title;
  return [one, title];
}
