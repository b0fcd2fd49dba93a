import '../browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';
import { AuthOptions, CreateStaffBody, LoginBody, LoginResponse, OidcCallbackQuery, StaffAccount } from './auth';
import {
  CreateSessionBody,
  Invitation,
  JoinBody,
  JoinResponse,
  RosterImportReport,
  SessionSnapshot,
  SessionSummary,
  TransitionSessionBody,
  UpdateSessionBody,
  SetThemeBody,
} from './sessions';
import { SURVEY_ROUTES } from './surveys';
import { ArchiveDetail, ArchiveListQuery, ArchiveSummary, ArchiveVerification, ExportQuery, PublicResults, SetPublicBody } from './outcomes';
import { Attendance } from '../room/schemas';
import { GroupImportReport } from './groups';
import { Health } from './health';
import {
  CandidatesQuery,
  CreateRecommendationBody,
  InstructorAccount,
  OutcomeCandidate,
  ProgressBody,
  PublicFollowUp,
  PublicFollowUpQuery,
  Recommendation,
  RecommendationListQuery,
  ReportQuery,
  RespondBody,
  SubscribeBody,
  PublicSubscribeBody,
  SubscriptionRequested,
  SubscriptionState,
  SubscriptionTokenBody,
  UpdateRecommendationBody,
} from './followup';
import { ApprovePairingBody, Duplicates, RosterNames, ScreenPairing, ScreenPairingStatus } from './identity';
import { route, type RouteDefinition } from './route';

export type { RouteAuth, RouteDefinition } from './route';

export const CORE_ROUTES = {
  ...route('health', { method: 'GET', path: '/api/health', auth: 'public', summary: 'Service and database state', response: Health }),
  ...route('docs.html', { method: 'GET', path: '/api/docs', auth: 'public', summary: 'This API documentation as an HTML page', contentType: 'text/html' }),
  ...route('docs.openapi', { method: 'GET', path: '/api/docs/openapi.json', auth: 'public', summary: 'OpenAPI 3.1 description generated from the route table' }),
  ...route('auth.login', { method: 'POST', path: '/api/auth/login', auth: 'public', summary: 'Staff sign-in', body: LoginBody, response: LoginResponse }),
  ...route('auth.logout', { method: 'POST', path: '/api/auth/logout', auth: 'staff', summary: 'Sign out: this staff token stops working at once' }),
  ...route('auth.options', { method: 'GET', path: '/api/auth/options', auth: 'public', summary: 'Which staff sign-in methods this install offers', response: AuthOptions }),
  ...route('auth.oidc.start', { method: 'GET', path: '/api/auth/oidc/start', auth: 'public', summary: "Redirect to the organisation's directory (OpenID Connect, code flow with PKCE)", contentType: 'text/html' }),
  ...route('auth.oidc.callback', { method: 'GET', path: '/api/auth/oidc/callback', auth: 'public', summary: 'Where the directory sends the browser back; redirects to the web app signed in', query: OidcCallbackQuery, contentType: 'text/html' }),
  ...route('auth.me', { method: 'GET', path: '/api/auth/me', auth: 'staff', summary: 'The signed-in staff account', response: StaffAccount }),
  ...route('staff.create', { method: 'POST', path: '/api/staff', auth: 'staff', summary: 'Create a staff account (admin)', body: CreateStaffBody, response: StaffAccount }),
  ...route('sessions.list', { method: 'GET', path: '/api/sessions', auth: 'staff', summary: 'Sessions, newest first', response: z.array(SessionSummary) }),
  ...route('sessions.create', { method: 'POST', path: '/api/sessions', auth: 'staff', summary: 'Create a session', body: CreateSessionBody, response: SessionSummary }),
  ...route('sessions.get', { method: 'GET', path: '/api/sessions/:id', auth: 'staff', summary: 'One session', response: SessionSummary }),
  ...route('sessions.update', { method: 'PATCH', path: '/api/sessions/:id', auth: 'staff', summary: 'Edit a session', body: UpdateSessionBody, response: SessionSummary }),
  ...route('sessions.theme', { method: 'PUT', path: '/api/sessions/:id/theme', auth: 'staff', summary: "Set the projector theme (colours, logo) of the session's assembly", body: SetThemeBody, response: SessionSummary }),
  ...route('sessions.transition', { method: 'POST', path: '/api/sessions/:id/transition', auth: 'staff', summary: 'Open or close a session', body: TransitionSessionBody, response: SessionSummary }),
  ...route('sessions.enter', { method: 'POST', path: '/api/sessions/:id/enter', auth: 'staff', summary: 'Get a session token as facilitator or organiser', response: JoinResponse }),
  ...route('sessions.join', { method: 'POST', path: '/api/sessions/join', auth: 'public', summary: 'Join by code or personal invitation', body: JoinBody, response: JoinResponse }),
  ...route('sessions.snapshot', { method: 'GET', path: '/api/sessions/:id/snapshot', auth: 'session', summary: 'Full state at one version, for (re)synchronisation', response: SessionSnapshot }),
  ...route('roster.import', { method: 'POST', path: '/api/sessions/:id/roster', auth: 'staff', summary: 'Import roster members from CSV (name;email;perimeter;territoryType;category;gender)', contentType: 'text/csv', response: RosterImportReport }),
  ...route('roster.invitations', { method: 'GET', path: '/api/sessions/:id/invitations', auth: 'staff', summary: 'Personal invitation links of roster members', response: z.array(Invitation) }),
};

/** A file download of the session outcomes (?activityId= narrows it to one activity). */
function download<const K extends string, const F extends string>(key: K, format: F, contentType: string) {
  return route(key, {
    method: 'GET',
    path: `/api/sessions/:id/export.${format}` as const,
    auth: 'staff',
    summary: `Outcomes as ${format.toUpperCase()} (?activityId= for one activity): a draft while live, final once closed`,
    query: ExportQuery,
    contentType,
  });
}

export const OUTCOME_ROUTES = {
  ...download('exports.csv', 'csv', 'text/csv; charset=utf-8'),
  ...download('exports.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  ...download('exports.pdf', 'pdf', 'application/pdf'),
  ...download('exports.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  ...download('exports.json', 'json', 'application/json'),
  ...route('archive.seal', { method: 'POST', path: '/api/sessions/:id/seal', auth: 'staff', summary: 'Seal a closed session into the archive (read-only from then on)', response: ArchiveSummary }),
  ...route('archive.list', { method: 'GET', path: '/api/archive', auth: 'staff', summary: 'Sealed sessions, newest first; ?q= searches titles, dates, ideas and syntheses', query: ArchiveListQuery, response: z.array(ArchiveSummary) }),
  ...route('archive.get', { method: 'GET', path: '/api/archive/:id', auth: 'staff', summary: 'One sealed session with its record', response: ArchiveDetail }),
  ...route('archive.verify', { method: 'GET', path: '/api/archive/:id/verify', auth: 'staff', summary: 'Recompute the digest, rebuild the record from the live tables and walk the audit chain', response: ArchiveVerification }),
  ...route('archive.public', { method: 'POST', path: '/api/archive/:id/public', auth: 'staff', summary: 'Publish or unpublish the public results page', body: SetPublicBody, response: ArchiveSummary }),
  ...route('archive.pseudonymise', { method: 'POST', path: '/api/archive/:id/pseudonymise', auth: 'staff', summary: 'Replace the personal data of a sealed session by pseudonyms, keeping aggregates', response: ArchiveSummary }),
  ...route('public.results', { method: 'GET', path: '/api/public/:code/results', auth: 'public', summary: 'Aggregated results of a sealed session its organiser published (no account)', response: PublicResults }),
};

export const ROOM_ROUTES = {
  ...route('room.attendance', { method: 'GET', path: '/api/sessions/:id/attendance', auth: 'staff', summary: 'Présents / attendus by territory type and category, with the quorum indicator', response: Attendance }),
};

export const GROUPS_ROUTES = {
  ...route('groups.import', {
    method: 'POST',
    path: '/api/sessions/:id/groups/:activityId/assignments',
    auth: 'staff',
    summary: 'Place members in groups from CSV (participant;group — participant by email or name, group by name or number)',
    contentType: 'text/csv',
    response: GroupImportReport,
  }),
};

/** Participants who stay themselves, screens paired by staff (docs/security.md, "One person, one voice"). */
export const IDENTITY_ROUTES = {
  ...route('join.roster', { method: 'GET', path: '/api/join/:code/roster', auth: 'public', summary: 'Open session with a roster: the names a code joiner may pick (confirmed by a facilitator)', response: RosterNames }),
  ...route('screens.pairing.start', { method: 'POST', path: '/api/screens/pairings', auth: 'public', summary: 'A projector page asks for a pairing code to show', response: ScreenPairing }),
  ...route('screens.pairing.status', { method: 'GET', path: '/api/screens/pairings/:pairingId', auth: 'public', summary: 'The projector polls its pairing; once approved, the screen token is given once', response: ScreenPairingStatus }),
  ...route('screens.pairing.approve', { method: 'POST', path: '/api/sessions/:id/screens/pairings', auth: 'staff', summary: 'Approve the code a projector shows: it becomes a screen of this session', body: ApprovePairingBody, response: z.object({ participantId: z.uuid() }) }),
  ...route('screens.open', { method: 'POST', path: '/api/sessions/:id/screens', auth: 'staff', summary: 'A screen token for a projector opened from a signed-in staff browser', response: JoinResponse }),
  ...route('participants.duplicates', { method: 'GET', path: '/api/sessions/:id/duplicates', auth: 'staff', summary: 'Participants who may be one person (same browser, same name, burst of joins, same roster claim)', response: Duplicates }),
};

/** Follow-up of a sealed session's recommendations (docs/follow-up.md). */
export const FOLLOWUP_ROUTES = {
  ...route('followup.candidates', { method: 'GET', path: '/api/follow-up/sessions/:id/candidates', auth: 'staff', summary: "Outcomes of a sealed session a recommendation can come from (ideas over a threshold, syntheses' points, survey results)", query: CandidatesQuery, response: z.array(OutcomeCandidate) }),
  ...route('followup.instructors', { method: 'GET', path: '/api/follow-up/instructors', auth: 'staff', summary: 'Staff accounts of the instructing services, to assign recommendations to', response: z.array(InstructorAccount) }),
  ...route('followup.list', { method: 'GET', path: '/api/follow-up/recommendations', auth: 'staff', summary: 'Recommendations (an instructing service sees only those assigned to it)', query: RecommendationListQuery, response: z.array(Recommendation) }),
  ...route('followup.create', { method: 'POST', path: '/api/follow-up/recommendations', auth: 'staff', summary: "Create a recommendation from an item of a sealed session's record", body: CreateRecommendationBody, response: Recommendation }),
  ...route('followup.get', { method: 'GET', path: '/api/follow-up/recommendations/:id', auth: 'staff', summary: 'One recommendation', response: Recommendation }),
  ...route('followup.update', { method: 'PATCH', path: '/api/follow-up/recommendations/:id', auth: 'staff', summary: 'Edit, assign, set the deadline, publish or unpublish a recommendation', body: UpdateRecommendationBody, response: Recommendation }),
  ...route('followup.respond', { method: 'POST', path: '/api/follow-up/recommendations/:id/response', auth: 'staff', summary: "The Region's response (instructing service assigned to it)", body: RespondBody, response: Recommendation }),
  ...route('followup.progress', { method: 'POST', path: '/api/follow-up/recommendations/:id/progress', auth: 'staff', summary: 'A dated progress entry: status and % done (instructing service assigned to it)', body: ProgressBody, response: Recommendation }),
  ...route('followup.report', { method: 'GET', path: '/api/follow-up/assemblies/:id/report', auth: 'staff', summary: 'Quarterly progress report (?format=pdf|docx, ?date= a day of the quarter, default today)', query: ReportQuery, contentType: 'application/pdf' }),
  ...route('followup.public', { method: 'GET', path: '/api/public/assemblies/:id/follow-up', auth: 'public', summary: "Published recommendations of an assembly with the Region's answers (no account)", query: PublicFollowUpQuery, response: PublicFollowUp }),
  ...route('followup.atom', { method: 'GET', path: '/api/public/assemblies/:id/follow-up.atom', auth: 'public', summary: 'Atom feed of the published recommendations', contentType: 'application/atom+xml' }),
  ...route('followup.jsonFeed', { method: 'GET', path: '/api/public/assemblies/:id/follow-up.json', auth: 'public', summary: 'JSON Feed 1.1 of the published recommendations', contentType: 'application/feed+json' }),
  ...route('followup.subscribe', { method: 'POST', path: '/api/sessions/:id/follow-up/subscription', auth: 'session', summary: "A member who took part asks to follow the assembly's recommendations: a link confirming the subscription is emailed to the address", body: SubscribeBody, response: SubscriptionRequested }),
  ...route('followup.publicSubscribe', { method: 'POST', path: '/api/public/assemblies/:id/follow-up/subscription', auth: 'public', summary: "From the public page: a member who took part (roster email) is sent a link confirming the subscription; the same answer for any address", body: PublicSubscribeBody, response: SubscriptionRequested }),
  ...route('followup.confirm', { method: 'POST', path: '/api/public/follow-up/subscription/confirm', auth: 'public', summary: 'Confirms a subscription with the signed link of the confirmation email (no account)', body: SubscriptionTokenBody, response: SubscriptionState }),
  ...route('followup.unsubscribe', { method: 'POST', path: '/api/public/follow-up/subscription/unsubscribe', auth: 'public', summary: 'Ends a subscription with the signed link every notification carries (no account)', body: SubscriptionTokenBody, response: SubscriptionState }),
};

const ROUTE_TABLE = {
  ...CORE_ROUTES,
  ...SURVEY_ROUTES,
  ...OUTCOME_ROUTES,
  ...ROOM_ROUTES,
  ...GROUPS_ROUTES,
  ...IDENTITY_ROUTES,
  ...FOLLOWUP_ROUTES,
} as const;

/** Each route's own definition type: its path as a literal, its exact schemas (see `route-types.ts`). */
export type RouteTable = typeof ROUTE_TABLE;
export type RouteKey = keyof RouteTable;

/**
 * Every REST route. A feature adds its record here. Typed both ways: `ROUTES['sessions.join'].body`
 * is `JoinBody`'s schema, and `ROUTES[key].query` reads for any key as a `RouteDefinition`.
 */
export const ROUTES: { readonly [K in RouteKey]: RouteTable[K] & RouteDefinition } = ROUTE_TABLE;
