import type { RouteBody } from '@palabre/contracts';
import { FOLLOWUP_ROUTE_META } from '@palabre/contracts/meta';
import { apiRequest, routeClient } from '../../lib/api';

/** The follow-up routes, whose addresses come with this lazy chunk: the same typed client. */
const { request: call, url: followUpUrl } = routeClient(FOLLOWUP_ROUTE_META);

export const followUpEndpoints = {
  sealedSessions: (token: string) => apiRequest('archive.list', { token }),
  candidates: (token: string, sessionId: string, minSupports: number) => call('followup.candidates', { token, params: { id: sessionId }, query: { minSupports } }),
  instructors: (token: string) => call('followup.instructors', { token }),
  list: (token: string) => call('followup.list', { token }),
  create: (token: string, body: RouteBody<'followup.create'>) => call('followup.create', { token, body }),
  update: (token: string, id: string, body: RouteBody<'followup.update'>) => call('followup.update', { token, params: { id }, body }),
  respond: (token: string, id: string, body: RouteBody<'followup.respond'>) => call('followup.respond', { token, params: { id }, body }),
  progress: (token: string, id: string, body: RouteBody<'followup.progress'>) => call('followup.progress', { token, params: { id }, body }),
  publicPage: (assemblyId: string, filters: { theme?: string; territory?: string }) => call('followup.public', { params: { id: assemblyId }, query: filters }),
  subscribe: (assemblyId: string, body: RouteBody<'followup.publicSubscribe'>) => call('followup.publicSubscribe', { params: { id: assemblyId }, body }),
  /** The signed link of an email (no account): confirm, or end, a subscription. */
  followLink: (kind: 'confirm' | 'unsubscribe', token: string) => call(kind === 'confirm' ? 'followup.confirm' : 'followup.unsubscribe', { body: { token } }),
};

export const feedPath = (assemblyId: string, kind: 'atom' | 'json') => followUpUrl(kind === 'atom' ? 'followup.atom' : 'followup.jsonFeed', { params: { id: assemblyId } });
export const reportPath = (assemblyId: string, format: 'pdf' | 'docx') => followUpUrl('followup.report', { params: { id: assemblyId }, query: { format } });
