import { ROUTE_META, type FollowUpRouteKey, type RouteMeta } from './route-meta';
import type { RouteKey } from './routes';

/**
 * The follow-up routes' addresses (docs/follow-up.md), apart from ROUTE_META so that only the
 * follow-up pages' lazy chunk carries them. Together the two cover every route: `ALL_ROUTE_META`
 * fails to compile when one is missing; `meta.spec.ts` checks the values against ROUTES.
 */
export const FOLLOWUP_ROUTE_META = {
  'followup.candidates': { method: 'GET', path: '/api/follow-up/sessions/:id/candidates', auth: 'staff' },
  'followup.instructors': { method: 'GET', path: '/api/follow-up/instructors', auth: 'staff' },
  'followup.list': { method: 'GET', path: '/api/follow-up/recommendations', auth: 'staff' },
  'followup.create': { method: 'POST', path: '/api/follow-up/recommendations', auth: 'staff' },
  'followup.get': { method: 'GET', path: '/api/follow-up/recommendations/:id', auth: 'staff' },
  'followup.update': { method: 'PATCH', path: '/api/follow-up/recommendations/:id', auth: 'staff' },
  'followup.respond': { method: 'POST', path: '/api/follow-up/recommendations/:id/response', auth: 'staff' },
  'followup.progress': { method: 'POST', path: '/api/follow-up/recommendations/:id/progress', auth: 'staff' },
  'followup.report': { method: 'GET', path: '/api/follow-up/assemblies/:id/report', auth: 'staff' },
  'followup.public': { method: 'GET', path: '/api/public/assemblies/:id/follow-up', auth: 'public' },
  'followup.atom': { method: 'GET', path: '/api/public/assemblies/:id/follow-up.atom', auth: 'public' },
  'followup.jsonFeed': { method: 'GET', path: '/api/public/assemblies/:id/follow-up.json', auth: 'public' },
  'followup.subscribe': { method: 'POST', path: '/api/sessions/:id/follow-up/subscription', auth: 'session' },
  'followup.publicSubscribe': { method: 'POST', path: '/api/public/assemblies/:id/follow-up/subscription', auth: 'public' },
  'followup.confirm': { method: 'POST', path: '/api/public/follow-up/subscription/confirm', auth: 'public' },
  'followup.unsubscribe': { method: 'POST', path: '/api/public/follow-up/subscription/unsubscribe', auth: 'public' },
} as const satisfies Record<FollowUpRouteKey, RouteMeta>;

export const ALL_ROUTE_META: Record<RouteKey, RouteMeta> = { ...ROUTE_META, ...FOLLOWUP_ROUTE_META };
