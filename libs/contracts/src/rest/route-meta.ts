import type { RouteDefinition, RouteKey } from './routes';

/**
 * A route's address, without its zod schemas: all the web needs at run time (who may call it stays
 * in ROUTES and libs/domain's ROUTE_RULES; every byte here is in the phone's bundle).
 */
export type RouteMeta = Pick<RouteDefinition, 'method' | 'path'>;

/** Follow-up routes: their addresses live in `followup-route-meta.ts`, loaded only by the follow-up pages (the phone's entry stays light). */
export type FollowUpRouteKey = Extract<RouteKey, `followup.${string}`>;

/**
 * The REST routes as the web app calls them, without zod. Exhaustive: a route added to ROUTES
 * fails to compile until it has its line here; `meta.spec.ts` checks the values against ROUTES.
 */
export const ROUTE_META = {
  'health': { method: 'GET', path: '/api/health' },
  'docs.html': { method: 'GET', path: '/api/docs' },
  'docs.openapi': { method: 'GET', path: '/api/docs/openapi.json' },
  'auth.login': { method: 'POST', path: '/api/auth/login' },
  'auth.logout': { method: 'POST', path: '/api/auth/logout' },
  'auth.options': { method: 'GET', path: '/api/auth/options' },
  'auth.oidc.start': { method: 'GET', path: '/api/auth/oidc/start' },
  'auth.oidc.callback': { method: 'GET', path: '/api/auth/oidc/callback' },
  'auth.me': { method: 'GET', path: '/api/auth/me' },
  'staff.create': { method: 'POST', path: '/api/staff' },
  'sessions.list': { method: 'GET', path: '/api/sessions' },
  'sessions.create': { method: 'POST', path: '/api/sessions' },
  'sessions.get': { method: 'GET', path: '/api/sessions/:id' },
  'sessions.update': { method: 'PATCH', path: '/api/sessions/:id' },
  'sessions.theme': { method: 'PUT', path: '/api/sessions/:id/theme' },
  'sessions.transition': { method: 'POST', path: '/api/sessions/:id/transition' },
  'sessions.enter': { method: 'POST', path: '/api/sessions/:id/enter' },
  'sessions.join': { method: 'POST', path: '/api/sessions/join' },
  'sessions.snapshot': { method: 'GET', path: '/api/sessions/:id/snapshot' },
  'roster.import': { method: 'POST', path: '/api/sessions/:id/roster' },
  'roster.invitations': { method: 'GET', path: '/api/sessions/:id/invitations' },
  'surveys.results': { method: 'GET', path: '/api/sessions/:id/survey-questions/:questionId/results' },
  'surveys.voters': { method: 'GET', path: '/api/sessions/:id/survey-questions/:questionId/voters' },
  'surveys.templates': { method: 'GET', path: '/api/survey-templates' },
  'surveys.ballotBoard': { method: 'GET', path: '/api/public/:code/ballot-board' },
  'exports.csv': { method: 'GET', path: '/api/sessions/:id/export.csv' },
  'exports.xlsx': { method: 'GET', path: '/api/sessions/:id/export.xlsx' },
  'exports.pdf': { method: 'GET', path: '/api/sessions/:id/export.pdf' },
  'exports.docx': { method: 'GET', path: '/api/sessions/:id/export.docx' },
  'exports.json': { method: 'GET', path: '/api/sessions/:id/export.json' },
  'archive.seal': { method: 'POST', path: '/api/sessions/:id/seal' },
  'archive.list': { method: 'GET', path: '/api/archive' },
  'archive.get': { method: 'GET', path: '/api/archive/:id' },
  'archive.verify': { method: 'GET', path: '/api/archive/:id/verify' },
  'archive.public': { method: 'POST', path: '/api/archive/:id/public' },
  'archive.pseudonymise': { method: 'POST', path: '/api/archive/:id/pseudonymise' },
  'public.results': { method: 'GET', path: '/api/public/:code/results' },
  'room.attendance': { method: 'GET', path: '/api/sessions/:id/attendance' },
  'groups.import': { method: 'POST', path: '/api/sessions/:id/groups/:activityId/assignments' },
  'join.roster': { method: 'GET', path: '/api/join/:code/roster' },
  'screens.pairing.start': { method: 'POST', path: '/api/screens/pairings' },
  'screens.pairing.status': { method: 'GET', path: '/api/screens/pairings/:pairingId' },
  'screens.pairing.approve': { method: 'POST', path: '/api/sessions/:id/screens/pairings' },
  'screens.open': { method: 'POST', path: '/api/sessions/:id/screens' },
  'participants.duplicates': { method: 'GET', path: '/api/sessions/:id/duplicates' },
} as const satisfies Record<Exclude<RouteKey, FollowUpRouteKey>, RouteMeta>;
