import { ErrorBody, ROUTES, type RouteDefinition, type RouteKey } from '@palabre/contracts';
import { ROUTE_RULES } from '@palabre/domain';
import { jsonSchemaOf, type JsonSchema } from './json-schema';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { securitySchemes: Record<string, JsonSchema>; schemas: Record<string, JsonSchema> };
}

/** `/api/sessions/:id/roster` → `/api/sessions/{id}/roster` and its path parameter names. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function rolesOf(key: RouteKey): string {
  const rule = ROUTE_RULES[key];
  if (rule.auth === 'public') return 'Public.';
  const who = rule.auth === 'staff' ? 'staff token' : 'participant token of this session';
  return `Requires a ${who}; roles: ${rule.roles.join(', ')}.`;
}

function operation(key: RouteKey, def: RouteDefinition, params: string[]): JsonSchema {
  const op: JsonSchema = {
    operationId: key,
    summary: def.summary,
    description: rolesOf(key),
    tags: [key.split('.')[0]],
    'x-palabre-auth': def.auth,
    'x-palabre-roles': ROUTE_RULES[key].auth === 'public' ? [] : (ROUTE_RULES[key] as { roles: readonly string[] }).roles,
  };
  if (def.auth !== 'public') op.security = [{ bearer: [] }];
  const parameters: JsonSchema[] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  // Query parameters come from the route's `query` schema, the one the RouteGuard parses with.
  const query = def.query ? jsonSchemaOf(def.query, 'input') : undefined;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries((query?.properties as Record<string, JsonSchema> | undefined) ?? {})) {
    parameters.push({ name, in: 'query', required: required.has(name), schema, ...(typeof schema.description === 'string' ? { description: schema.description } : {}) });
  }
  if (parameters.length) op.parameters = parameters;
  if (def.contentType && def.method !== 'GET') {
    op.requestBody = { required: true, content: { [def.contentType]: { schema: { type: 'string' } } } };
  } else if (def.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchemaOf(def.body, 'input') } } };
  }
  const success: JsonSchema = { description: def.summary };
  if (def.contentType && def.method === 'GET') success.content = { [def.contentType]: { schema: def.contentType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } } };
  else if (def.response) success.content = { 'application/json': { schema: jsonSchemaOf(def.response, 'output') } };
  // Several routes answer 200, creations 201: the table does not say which, so the range is documented.
  op.responses = {
    '2XX': success,
    default: { description: 'Refusal with a typed code (see docs/events.md for the catalogue)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } },
  };
  return op;
}

/** The OpenAPI document of every REST route, generated from the contracts' ROUTES table. */
export function buildOpenApi(publicUrl: string, version = '0.1.0'): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const [key, def] of Object.entries(ROUTES) as [RouteKey, RouteDefinition][]) {
    const { path, params } = openApiPath(def.path);
    paths[path] ??= {};
    paths[path][def.method.toLowerCase()] = operation(key, def, params);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Palabre API',
      version,
      description: 'REST side of Palabre. Live actions go through socket.io commands on the /live namespace (see docs/events.md).',
    },
    servers: [{ url: publicUrl }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        ErrorEnvelope: { type: 'object', required: ['error'], properties: { error: jsonSchemaOf(ErrorBody, 'output') } },
      },
    },
  };
}
