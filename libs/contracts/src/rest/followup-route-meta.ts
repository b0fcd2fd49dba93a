import { ROUTE_META, type FollowUpRouteKey, type RouteMeta } from './route-meta';
import type { RouteKey } from './routes';

/**
 * The follow-up routes' addresses (docs/follow-up.md), apart from ROUTE_META so that only the
 * follow-up pages' lazy chunk carries them. Together the two cover every route: `ALL_ROUTE_META`
 * fails to compile when one is missing; `meta.spec.ts` checks the values against ROUTES.
 */
export const FOLLOWUP_ROUTE_META = {
  'followup.candidates': { method: 'GET', path: '/api/follow-up/sessions/:id/candidates' },
  'followup.instructors': { method: 'GET', path: '/api/follow-up/instructors' },
  'followup.list': { method: 'GET', path: '/api/follow-up/recommendations' },
  'followup.create': { method: 'POST', path: '/api/follow-up/recommendations' },
  'followup.get': { method: 'GET', path: '/api/follow-up/recommendations/:id' },
  'followup.update': { method: 'PATCH', path: '/api/follow-up/recommendations/:id' },
  'followup.respond': { method: 'POST', path: '/api/follow-up/recommendations/:id/response' },
  'followup.progress': { method: 'POST', path: '/api/follow-up/recommendations/:id/progress' },
  'followup.report': { method: 'GET', path: '/api/follow-up/assemblies/:id/report' },
  'followup.public': { method: 'GET', path: '/api/public/assemblies/:id/follow-up' },
  'followup.atom': { method: 'GET', path: '/api/public/assemblies/:id/follow-up.atom' },
  'followup.jsonFeed': { method: 'GET', path: '/api/public/assemblies/:id/follow-up.json' },
  'followup.subscribe': { method: 'POST', path: '/api/sessions/:id/follow-up/subscription' },
  'followup.publicSubscribe': { method: 'POST', path: '/api/public/assemblies/:id/follow-up/subscription' },
  'followup.confirm': { method: 'POST', path: '/api/public/follow-up/subscription/confirm' },
  'followup.unsubscribe': { method: 'POST', path: '/api/public/follow-up/subscription/unsubscribe' },
} as const satisfies Record<FollowUpRouteKey, RouteMeta>;

export const ALL_ROUTE_META: Record<RouteKey, RouteMeta> = { ...ROUTE_META, ...FOLLOWUP_ROUTE_META };
