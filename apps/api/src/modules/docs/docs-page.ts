import { ROUTES, type RouteDefinition, type RouteKey } from '@palabre/contracts';
import { ROUTE_RULES } from '@palabre/domain';
import { commandDocs, eventDocs } from './catalogue';
import { fieldsOf, jsonSchemaOf, typeOf } from './json-schema';

/** Everything shown comes from code, but it is escaped anyway: the page must never become markup injection. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function who(key: RouteKey): string {
  const rule = ROUTE_RULES[key];
  if (rule.auth === 'public') return 'public';
  return `${rule.auth === 'staff' ? 'staff' : 'session'}: ${rule.roles.join(', ')}`;
}

function bodyOf(def: RouteDefinition): string {
  if (def.contentType && def.method !== 'GET') return def.contentType;
  if (!def.body) return '';
  const fields = fieldsOf(jsonSchemaOf(def.body, 'input'));
  return fields.map((f) => `${f.path}${f.required ? '' : '?'}: ${f.type}`).join('\n');
}

function responseOf(def: RouteDefinition): string {
  if (def.contentType && def.method === 'GET') return def.contentType;
  return def.response ? typeOf(jsonSchemaOf(def.response, 'output')) : '';
}

function row(cells: string[]): string {
  return `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;
}

function pre(text: string): string {
  return text ? `<pre>${escapeHtml(text)}</pre>` : '';
}

/**
 * The human page at /api/docs: plain server-rendered tables, no script and no inline style,
 * so it passes the app's Content-Security-Policy as is.
 */
export function renderDocsPage(): string {
  const routes = (Object.entries(ROUTES) as [RouteKey, RouteDefinition][]).map(([key, def]) =>
    row([`<code>${escapeHtml(def.method)} ${escapeHtml(def.path)}</code>`, `<code>${escapeHtml(key)}</code>`, escapeHtml(who(key)), escapeHtml(def.summary), pre(bodyOf(def)), escapeHtml(responseOf(def))]),
  );
  const commands = commandDocs().map((c) => row([`<code>${escapeHtml(c.name)}</code>`, escapeHtml(c.roles.join(', ')), escapeHtml(c.summary)]));
  const events = eventDocs().map((e) => row([`<code>${escapeHtml(e.name)}</code>`, escapeHtml(e.scope + (e.volatile ? ' (volatile)' : '')), escapeHtml(e.summary)]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Palabre API</title>
</head>
<body>
<main>
<h1>Palabre API</h1>
<p>Machine-readable description: <a href="/api/docs/openapi.json">OpenAPI 3.1 (openapi.json)</a>.
Staff and session routes take <code>Authorization: Bearer &lt;token&gt;</code>. Refusals answer <code>{ "error": { "code", "message" } }</code>.</p>
<h2 id="rest">REST routes (${routes.length})</h2>
<table>
<thead><tr><th scope="col">Route</th><th scope="col">Key</th><th scope="col">Who</th><th scope="col">Summary</th><th scope="col">Body</th><th scope="col">Response</th></tr></thead>
<tbody>
${routes.join('\n')}
</tbody>
</table>
<h2 id="commands">Socket commands on /live (${commands.length})</h2>
<table>
<thead><tr><th scope="col">Command</th><th scope="col">Roles</th><th scope="col">Summary</th></tr></thead>
<tbody>
${commands.join('\n')}
</tbody>
</table>
<h2 id="events">Socket events (${events.length})</h2>
<table>
<thead><tr><th scope="col">Event</th><th scope="col">Room</th><th scope="col">Summary</th></tr></thead>
<tbody>
${events.join('\n')}
</tbody>
</table>
<p>Payload fields, results and error codes: <code>docs/events.md</code> in the repository.</p>
</main>
</body>
</html>
`;
}
