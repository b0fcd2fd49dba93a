import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, ERRORS, EVENTS, QuestionType } from '@palabre/contracts';
import { COMMAND_ROLES } from '@palabre/domain';
import { GENERATED_END, GENERATED_START, renderEventsDoc, withGeneratedBlock } from './events-doc';
import { escapeHtml } from './docs-page';

const DOC = join(__dirname, '../../../../../docs/events.md');

describe('docs/events.md', () => {
  it('is up to date with the contracts (run `npm run docs:events` after changing a command, event or error)', () => {
    const current = readFileSync(DOC, 'utf8');
    const start = current.indexOf(GENERATED_START);
    const end = current.indexOf(GENERATED_END) + GENERATED_END.length;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(current.slice(start, end)).toBe(renderEventsDoc());
  });

  it('documents every command with its roles, every event with its room, every error code', () => {
    const doc = renderEventsDoc();
    for (const name of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
      expect(doc).toContain(`### \`${name}\``);
      expect(doc).toContain(`- **Roles**: ${COMMAND_ROLES[name].join(', ')}`);
    }
    for (const name of Object.keys(EVENTS)) expect(doc).toContain(`### \`${name}\``);
    for (const code of Object.keys(ERRORS)) expect(doc).toContain(`| \`${code}\` |`);
  });

  it('documents every question type: its configuration, its ballot value and an example of both', () => {
    const doc = renderEventsDoc();
    for (const type of QuestionType.options) {
      const section = doc.slice(doc.indexOf(`### \`${type}\`\n\nTally:`));
      expect(section).toContain('**Configuration**');
      expect(section).toContain('**Ballot value**');
      expect(section).toContain(`{ "config": {"type":"${type}"`);
    }
    expect(doc).toContain('| `ranking` | array of string | yes | Option ids, best first; all options, or exactly topK |');
    expect(doc).toContain('| `grades` | object | yes | Grade index per option id, 0 = best; every option is graded |');
  });

  it('carries the fields’ descriptions written in the contracts', () => {
    expect(renderEventsDoc()).toContain('| `opId` | string (uuid) | yes | Client-generated id of this command; a retry with the same opId is applied once |');
  });

  it('keeps the hand-written sections around the generated block', () => {
    const before = '# Events\n\nIntro.\n\n';
    const after = '\n\n## Surveys\n\nHand-written notes.\n';
    const stale = `${before}${GENERATED_START}\nold\n${GENERATED_END}${after}`;
    expect(withGeneratedBlock(stale, 'NEW')).toBe(`${before}NEW${after}`);
    expect(withGeneratedBlock('# Events\n', 'NEW')).toBe('# Events\n\nNEW\n');
  });

  it('escapes markup in the HTML page helpers', () => {
    expect(escapeHtml('<b onclick="x">&\'')).toBe('&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;');
  });
});
