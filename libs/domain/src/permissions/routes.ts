import type { ParticipantRole, RouteKey, StaffRole } from '@palabre/contracts';

/**
 * Who may call each REST route once authenticated as the route's `auth` says.
 * `public` routes need nothing; staff routes list staff roles; session routes list
 * participant roles (and the token must belong to the session in the path).
 */
export type RouteRule =
  | { auth: 'public' }
  | { auth: 'staff'; roles: readonly StaffRole[] }
  | { auth: 'session'; roles: readonly ParticipantRole[] };

const ANY_STAFF = { auth: 'staff', roles: ['facilitator', 'organiser', 'admin'] } as const;
const ORGANISERS = { auth: 'staff', roles: ['organiser', 'admin'] } as const;
const INSTRUCTORS = { auth: 'staff', roles: ['instructor'] } as const;
const FOLLOWUP_READERS = { auth: 'staff', roles: ['organiser', 'admin', 'instructor'] } as const;
const ANY_PARTICIPANT = { auth: 'session', roles: ['member', 'facilitator', 'organiser', 'observer'] } as const;

export const ROUTE_RULES: Record<RouteKey, RouteRule> = {
  health: { auth: 'public' },
  'docs.html': { auth: 'public' },
  'docs.openapi': { auth: 'public' },
  'auth.login': { auth: 'public' },
  'auth.logout': ANY_STAFF,
  'auth.options': { auth: 'public' },
  'auth.oidc.start': { auth: 'public' },
  'auth.oidc.callback': { auth: 'public' },
  'auth.me': ANY_STAFF,
  'staff.create': { auth: 'staff', roles: ['admin'] },
  'sessions.list': ANY_STAFF,
  'sessions.create': ANY_STAFF,
  'sessions.get': ANY_STAFF,
  'sessions.update': ANY_STAFF,
  // The assembly's look is the organiser's.
  'sessions.theme': ORGANISERS,
  'sessions.transition': ANY_STAFF,
  'sessions.enter': ANY_STAFF,
  'sessions.join': { auth: 'public' },
  'sessions.snapshot': ANY_PARTICIPANT,
  'roster.import': ANY_STAFF,
  'roster.invitations': ANY_STAFF,
  // Members and screens get results only once visible: checked by the use case (RESULTS_HIDDEN).
  'surveys.results': ANY_PARTICIPANT,
  // Who voted and how, for the console: session staff only (never members nor screens).
  'surveys.voters': { auth: 'session', roles: ['facilitator', 'organiser'] },
  'surveys.templates': ANY_STAFF,
  'surveys.ballotBoard': { auth: 'public' },
  'exports.csv': ANY_STAFF,
  'exports.xlsx': ANY_STAFF,
  'exports.pdf': ANY_STAFF,
  'exports.docx': ANY_STAFF,
  'exports.json': ANY_STAFF,
  'archive.seal': ORGANISERS,
  'archive.list': ORGANISERS,
  'archive.get': ORGANISERS,
  'archive.verify': ORGANISERS,
  'archive.public': ORGANISERS,
  'archive.pseudonymise': ORGANISERS,
  'public.results': { auth: 'public' },
  'room.attendance': ANY_STAFF,
  'groups.import': { auth: 'staff', roles: ['facilitator', 'organiser'] },
  // Public: the code is the secret of an open session; nothing is listed for a roster-only one.
  'join.roster': { auth: 'public' },
  // Public: a projector page has no account; what it gets is decided by the staff who approve it.
  'screens.pairing.start': { auth: 'public' },
  'screens.pairing.status': { auth: 'public' },
  'screens.pairing.approve': ANY_STAFF,
  'screens.open': ANY_STAFF,
  'participants.duplicates': ANY_STAFF,
  // Follow-up: organisers draw and publish; an instructing service answers what is assigned to it
  // (the assignment is checked by the use case, canAnswerRecommendation).
  'followup.candidates': ORGANISERS,
  'followup.instructors': ORGANISERS,
  'followup.list': FOLLOWUP_READERS,
  'followup.create': ORGANISERS,
  'followup.get': FOLLOWUP_READERS,
  'followup.update': ORGANISERS,
  'followup.respond': INSTRUCTORS,
  'followup.progress': INSTRUCTORS,
  'followup.report': ORGANISERS,
  'followup.public': { auth: 'public' },
  'followup.atom': { auth: 'public' },
  'followup.jsonFeed': { auth: 'public' },
  'followup.subscribe': { auth: 'session', roles: ['member'] },
  'followup.publicSubscribe': { auth: 'public' },
  'followup.confirm': { auth: 'public' },
  'followup.unsubscribe': { auth: 'public' },
};

/** The participant role a staff account takes when it enters a session. */
export function sessionRoleOfStaff(role: StaffRole): ParticipantRole {
  return role === 'facilitator' ? 'facilitator' : 'organiser';
}
