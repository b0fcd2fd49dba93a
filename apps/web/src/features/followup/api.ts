import type {
  ArchiveSummary,
  CreateRecommendationBody,
  OutcomeCandidate,
  ProgressBody,
  PublicFollowUp,
  PublicSubscribeBody,
  Recommendation,
  RespondBody,
  SubscriptionRequested,
  SubscriptionState,
  UpdateRecommendationBody,
} from '@palabre/contracts';
import { FOLLOWUP_ROUTE_META as ROUTES, type FollowUpRouteKey } from '@palabre/contracts/meta';
import { apiFetch, apiRequest, routePath, type RequestOptions } from '../../lib/api';

/** `apiRequest` for the follow-up routes, whose addresses come with this lazy chunk. */
function call<T>(route: FollowUpRouteKey, options: RequestOptions = {}): Promise<T> {
  return apiFetch<T>(ROUTES[route].method, routePath(ROUTES[route].path, options.params), options);
}

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  return q.size > 0 ? `${path}?${q.toString()}` : path;
};

export const followUpEndpoints = {
  sealedSessions: (token: string) => apiRequest<ArchiveSummary[]>('archive.list', { token }),
  candidates: (token: string, sessionId: string, minSupports: number) =>
    apiFetch<OutcomeCandidate[]>('GET', withQuery(routePath(ROUTES['followup.candidates'].path, { id: sessionId }), { minSupports: String(minSupports) }), { token }),
  instructors: (token: string) => call<{ id: string; displayName: string }[]>('followup.instructors', { token }),
  list: (token: string) => call<Recommendation[]>('followup.list', { token }),
  create: (token: string, body: CreateRecommendationBody) => call<Recommendation>('followup.create', { token, body }),
  update: (token: string, id: string, body: UpdateRecommendationBody) => call<Recommendation>('followup.update', { token, params: { id }, body }),
  respond: (token: string, id: string, body: RespondBody) => call<Recommendation>('followup.respond', { token, params: { id }, body }),
  progress: (token: string, id: string, body: ProgressBody) => call<Recommendation>('followup.progress', { token, params: { id }, body }),
  publicPage: (assemblyId: string, filters: { theme?: string; territory?: string }) =>
    apiFetch<PublicFollowUp>('GET', withQuery(routePath(ROUTES['followup.public'].path, { id: assemblyId }), filters)),
  subscribe: (assemblyId: string, body: PublicSubscribeBody) => call<SubscriptionRequested>('followup.publicSubscribe', { params: { id: assemblyId }, body }),
  /** The signed link of an email (no account): confirm, or end, a subscription. */
  followLink: (kind: 'confirm' | 'unsubscribe', token: string) => call<SubscriptionState>(kind === 'confirm' ? 'followup.confirm' : 'followup.unsubscribe', { body: { token } }),
};

export const feedPath = (assemblyId: string, kind: 'atom' | 'json') => routePath(ROUTES[kind === 'atom' ? 'followup.atom' : 'followup.jsonFeed'].path, { id: assemblyId });
export const reportPath = (assemblyId: string, format: 'pdf' | 'docx') => `${routePath(ROUTES['followup.report'].path, { id: assemblyId })}?format=${format}`;
