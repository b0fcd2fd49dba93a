/**
 * The contracts' run-time metadata without zod: error codes and messages, event audiences and
 * volatility, REST addresses, limits. The web app imports values from here
 * (`@palabre/contracts/meta`) and only types from `@palabre/contracts`, so the schemas and zod stay
 * out of the participant's bundle. Nothing in this module's imports may load zod (checked by
 * `meta.spec.ts`); the API reads the same values through the package index.
 */
export { ERRORS, ERROR_CODES, errorMessage, httpStatusOf, isRetryable, type ErrorCode } from './errors/catalogue';
export type { ErrorDefinition } from './errors/define';
export { EVENT_META, type EventMeta } from './events/meta';
export { ROUTE_META, type FollowUpRouteKey, type RouteMeta } from './rest/route-meta';
export { ALL_ROUTE_META, FOLLOWUP_ROUTE_META } from './rest/followup-route-meta';
export { AMENDMENT_LIMITS, BOARD_LIMITS, FLOOR_LIMITS, MAJORITY_GRADES, QNA_LIMITS, ROOM_LIMITS, SOCKET_MESSAGE_MAX_BYTES, SURVEY_LIMITS } from './limits';
export { QNA_PUBLIC_STATUSES } from './qna/statuses';
