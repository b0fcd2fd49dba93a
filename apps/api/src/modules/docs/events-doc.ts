import { commandDocs, errorDocs, eventDocs, RUNNER_ERRORS, type CommandDoc, type EventDoc } from './catalogue';
import type { SchemaField } from './json-schema';
import { questionTypesDoc } from './question-types-doc';

export const GENERATED_START = '<!-- generated:start -->';
export const GENERATED_END = '<!-- generated:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fieldTable(fields: SchemaField[]): string[] {
  if (fields.length === 0) return ['_No fields._'];
  return ['| Field | Type | Required | Description |', '|---|---|---|---|', ...fields.map((f) => `| \`${f.path}\` | ${cell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(withShapesLink(f))} |`)];
}

// A question config or ballot value is one of the shapes documented under « Survey question types ».
const SHAPES_LINK = '[one shape per question type](#survey-question-types-configurations-and-ballot-values)';
function withShapesLink(field: SchemaField): string {
  if (!/one of \d+ shapes/.test(field.type) || !/(^|\.)(config|value|question|questions)$/.test(field.path)) return field.description;
  return field.description ? `${field.description}; ${SHAPES_LINK}` : `See ${SHAPES_LINK}`;
}

function commandSection(command: CommandDoc): string[] {
  const errors = command.errors.length ? command.errors.map((code) => `\`${code}\``).join(', ') : '_none declared beyond the common ones_';
  return [
    `### \`${command.name}\``,
    '',
    command.summary,
    '',
    `- **Roles**: ${command.roles.length ? command.roles.join(', ') : '_nobody_'}`,
    `- **Errors**: ${errors}`,
    '',
    '**Payload**',
    '',
    ...fieldTable(command.payload),
    '',
    `**Result** (\`data\` of the ok ack): ${cell(command.result.type)}`,
    '',
    ...(command.result.fields.length ? [...fieldTable(command.result.fields), ''] : []),
  ];
}

function eventSection(event: EventDoc): string[] {
  const version = event.volatile
    ? 'volatile: carries the current version without bumping it, and may be dropped'
    : event.scope === 'session'
      ? 'bumps the session version when sent to the whole session'
      : 'carries the current version without bumping it';
  return [`### \`${event.name}\``, '', event.summary, '', `- **Room**: ${event.room}`, `- **Version**: ${version}`, '', '**Payload**', '', ...fieldTable(event.payload), ''];
}

/** The generated block of docs/events.md (markers included), from the contracts and libs/domain. */
export function renderEventsDoc(): string {
  const commands = commandDocs();
  const events = eventDocs();
  const lines = [
    GENERATED_START,
    '<!-- Do not edit this block by hand: `npm run docs:events` regenerates it from libs/contracts and libs/domain. -->',
    '',
    '## Commands (client → server)',
    '',
    'Sent on the `/live` namespace with an acknowledgement callback; the ack is `{ ok: true, data }` or',
    '`{ ok: false, error: { code, message, issues? } }`. Every payload carries an `opId` (uuid): a retry with the',
    `same opId is applied once. Any command can also be refused with: ${RUNNER_ERRORS.map((e) => `\`${e}\``).join(', ')}.`,
    '',
    ...commands.flatMap(commandSection),
    '## Events (server → client)',
    '',
    'Every event carries `sessionId` and `version`. A client that sees a version gap reloads the snapshot',
    '(`GET /api/sessions/:id/snapshot`).',
    '',
    ...events.flatMap(eventSection),
    ...questionTypesDoc(),
    '## Error codes',
    '',
    '| Code | HTTP status | Retryable | Français | English |',
    '|---|---|---|---|---|',
    ...errorDocs().map((e) => `| \`${e.code}\` | ${e.status} | ${e.retryable ? 'yes' : 'no'} | ${cell(e.fr)} | ${cell(e.en)} |`),
    '',
    GENERATED_END,
  ];
  return lines.join('\n');
}

/** Replaces the generated block of an existing document, keeping the hand-written sections around it. */
export function withGeneratedBlock(existing: string, generated = renderEventsDoc()): string {
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) return `${existing.trimEnd()}\n\n${generated}\n`;
  return existing.slice(0, start) + generated + existing.slice(end + GENERATED_END.length);
}
