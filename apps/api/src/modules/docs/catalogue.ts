import { COMMANDS, ERRORS, EVENTS, type CommandName, type ErrorCode, type ErrorDefinition, type EventName } from '@palabre/contracts';
import { COMMAND_ROLES } from '@palabre/domain';
import { fieldsOf, jsonSchemaOf, typeOf, type SchemaField } from './json-schema';

/**
 * Refusals the CommandRunner itself can answer to any command, before or around its handler.
 * Handlers add their own codes; a command may list them in its contract as `errors`.
 */
export const RUNNER_ERRORS: readonly ErrorCode[] = [
  'RATE_LIMITED',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'CONFLICT',
  'SESSION_NOT_FOUND',
  'TOKEN_REVOKED',
  'SESSION_READ_ONLY',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
];

export interface CommandDoc {
  name: CommandName;
  summary: string;
  roles: readonly string[];
  payload: SchemaField[];
  result: { type: string; fields: SchemaField[] };
  /** Command-specific codes, when the contract declares them. */
  errors: readonly string[];
}

export interface EventDoc {
  name: EventName;
  summary: string;
  scope: string;
  room: string;
  volatile: boolean;
  payload: SchemaField[];
}

export interface ErrorDoc extends ErrorDefinition {
  code: string;
}

const ROOMS: Record<string, string> = {
  session: '`session:<sessionId>`: everyone in the session (or a narrower room the use case names, e.g. `session:<id>:staff`)',
  staff: '`session:<sessionId>:staff`: facilitators and organisers',
  display: '`session:<sessionId>:staff` and `session:<sessionId>:screens`: facilitators, organisers and the projector screens, never the members’ phones (narrower for a working group’s activity before the report-back: the staff)',
  group: '`group:<groupId>`: members of one working group and the staff',
  participant: '`participant:<participantId>`: one person, on all their devices',
};

export function commandDocs(): CommandDoc[] {
  return (Object.keys(COMMANDS) as CommandName[]).sort().map((name) => {
    const def = COMMANDS[name] as (typeof COMMANDS)[CommandName] & { errors?: readonly string[] };
    const result = jsonSchemaOf(def.result, 'output');
    return {
      name,
      summary: def.summary,
      roles: COMMAND_ROLES[name],
      payload: fieldsOf(jsonSchemaOf(def.payload, 'input')),
      result: { type: typeOf(result), fields: fieldsOf(result.type === 'array' && result.items ? (result.items as Record<string, unknown>) : result) },
      errors: def.errors ?? [],
    };
  });
}

export function eventDocs(): EventDoc[] {
  return (Object.keys(EVENTS) as EventName[]).sort().map((name) => {
    const def = EVENTS[name];
    return {
      name,
      summary: def.summary,
      scope: def.scope,
      room: ROOMS[def.scope] ?? def.scope,
      volatile: def.volatile,
      payload: fieldsOf(jsonSchemaOf(def.payload, 'output')),
    };
  });
}

export function errorDocs(): ErrorDoc[] {
  return (Object.entries(ERRORS) as [string, ErrorDefinition][]).map(([code, def]) => ({ code, ...def }));
}
