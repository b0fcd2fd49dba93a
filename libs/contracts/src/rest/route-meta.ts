import type { RouteDefinition, RouteKey } from './routes';

/** A route's address and who may call it, without its zod schemas. */
export type RouteMeta = Pick<RouteDefinition, 'method' | 'path' | 'auth'>;

/** Follow-up routes: their addresses live in `followup-route-meta.ts`, loaded only by the follow-up pages (the phone's entry stays light). */
export type FollowUpRouteKey = Extract<RouteKey, `followup.${string}`>;

/**
 * The REST routes as the web app calls them, without zod. Exhaustive: a route added to ROUTES
 * fails to compile until it has its line here; `meta.spec.ts` checks the values against ROUTES.
 */
export const ROUTE_META = {
  'health': { method: 'GET', path: '/api/health', auth: 'public' },
  'docs.html': { method: 'GET', path: '/api/docs', auth: 'public' },
  'docs.openapi': { method: 'GET', path: '/api/docs/openapi.json', auth: 'public' },
  'auth.login': { method: 'POST', path: '/api/auth/login', auth: 'public' },
  'auth.logout': { method: 'POST', path: '/api/auth/logout', auth: 'staff' },
  'auth.options': { method: 'GET', path: '/api/auth/options', auth: 'public' },
  'auth.oidc.start': { method: 'GET', path: '/api/auth/oidc/start', auth: 'public' },
  'auth.oidc.callback': { method: 'GET', path: '/api/auth/oidc/callback', auth: 'public' },
  'auth.me': { method: 'GET', path: '/api/auth/me', auth: 'staff' },
  'staff.create': { method: 'POST', path: '/api/staff', auth: 'staff' },
  'sessions.list': { method: 'GET', path: '/api/sessions', auth: 'staff' },
  'sessions.create': { method: 'POST', path: '/api/sessions', auth: 'staff' },
  'sessions.get': { method: 'GET', path: '/api/sessions/:id', auth: 'staff' },
  'sessions.update': { method: 'PATCH', path: '/api/sessions/:id', auth: 'staff' },
  'sessions.theme': { method: 'PUT', path: '/api/sessions/:id/theme', auth: 'staff' },
  'sessions.transition': { method: 'POST', path: '/api/sessions/:id/transition', auth: 'staff' },
  'sessions.enter': { method: 'POST', path: '/api/sessions/:id/enter', auth: 'staff' },
  'sessions.join': { method: 'POST', path: '/api/sessions/join', auth: 'public' },
  'sessions.snapshot': { method: 'GET', path: '/api/sessions/:id/snapshot', auth: 'session' },
  'roster.import': { method: 'POST', path: '/api/sessions/:id/roster', auth: 'staff' },
  'roster.invitations': { method: 'GET', path: '/api/sessions/:id/invitations', auth: 'staff' },
  'surveys.results': { method: 'GET', path: '/api/sessions/:id/survey-questions/:questionId/results', auth: 'session' },
  'surveys.voters': { method: 'GET', path: '/api/sessions/:id/survey-questions/:questionId/voters', auth: 'session' },
  'surveys.templates': { method: 'GET', path: '/api/survey-templates', auth: 'staff' },
  'surveys.ballotBoard': { method: 'GET', path: '/api/public/:code/ballot-board', auth: 'public' },
  'exports.csv': { method: 'GET', path: '/api/sessions/:id/export.csv', auth: 'staff' },
  'exports.xlsx': { method: 'GET', path: '/api/sessions/:id/export.xlsx', auth: 'staff' },
  'exports.pdf': { method: 'GET', path: '/api/sessions/:id/export.pdf', auth: 'staff' },
  'exports.docx': { method: 'GET', path: '/api/sessions/:id/export.docx', auth: 'staff' },
  'exports.json': { method: 'GET', path: '/api/sessions/:id/export.json', auth: 'staff' },
  'archive.seal': { method: 'POST', path: '/api/sessions/:id/seal', auth: 'staff' },
  'archive.list': { method: 'GET', path: '/api/archive', auth: 'staff' },
  'archive.get': { method: 'GET', path: '/api/archive/:id', auth: 'staff' },
  'archive.verify': { method: 'GET', path: '/api/archive/:id/verify', auth: 'staff' },
  'archive.public': { method: 'POST', path: '/api/archive/:id/public', auth: 'staff' },
  'archive.pseudonymise': { method: 'POST', path: '/api/archive/:id/pseudonymise', auth: 'staff' },
  'public.results': { method: 'GET', path: '/api/public/:code/results', auth: 'public' },
  'room.attendance': { method: 'GET', path: '/api/sessions/:id/attendance', auth: 'staff' },
  'groups.import': { method: 'POST', path: '/api/sessions/:id/groups/:activityId/assignments', auth: 'staff' },
  'join.roster': { method: 'GET', path: '/api/join/:code/roster', auth: 'public' },
  'screens.pairing.start': { method: 'POST', path: '/api/screens/pairings', auth: 'public' },
  'screens.pairing.status': { method: 'GET', path: '/api/screens/pairings/:pairingId', auth: 'public' },
  'screens.pairing.approve': { method: 'POST', path: '/api/sessions/:id/screens/pairings', auth: 'staff' },
  'screens.open': { method: 'POST', path: '/api/sessions/:id/screens', auth: 'staff' },
  'participants.duplicates': { method: 'GET', path: '/api/sessions/:id/duplicates', auth: 'staff' },
} as const satisfies Record<Exclude<RouteKey, FollowUpRouteKey>, RouteMeta>;
