// First: sets how zod parses in a browser before any schema is built.
import './browser-parsing';
export * from './enums';
export * from './errors';
export * from './common';
export * from './rest/auth';
export * from './rest/sessions';
export * from './rest/outcomes';
export * from './rest/groups';
export * from './rest/routes';
export * from './events';
export * from './surveys/questions';
export * from './boards/board';
export * from './surveys/survey';
export * from './rest/surveys';
export * from './qna/schemas';
export * from './room/schemas';
export { EVENT_META, type EventMeta } from './events/meta';
export { ROUTE_META, type RouteMeta } from './rest/route-meta';
