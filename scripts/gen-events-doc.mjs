// `npm run docs:events`: regenerates the block between <!-- generated:start --> and
// <!-- generated:end --> in docs/events.md from the contracts (commands, events, errors) and
// libs/domain (roles). Hand-written sections outside the markers are kept.
// `--check` fails instead of writing when the file is stale (the apps/api jest suite checks it too).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureBuilt, ROOT } from './lib/build.mjs';

const FILE = join(ROOT, 'docs/events.md');
const HEADER = `# Palabre live protocol: commands and events

Clients connect to the socket.io namespace \`/live\` with \`auth: { token }\` (a participant token from
\`POST /api/sessions/join\` or \`POST /api/sessions/:id/enter\`). The reference below is generated from
\`libs/contracts\` and \`libs/domain\`; each feature adds its hand-written notes (flows, edge cases) in its own
section after the generated block.
`;

await ensureBuilt({ skip: ['apps/web'], log: () => undefined });
const require = createRequire(import.meta.url);
const { withGeneratedBlock } = require(join(ROOT, 'apps/api/dist/modules/docs/events-doc.js'));

const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
const next = withGeneratedBlock(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/events.md is stale: run `npm run docs:events` and commit it.');
    process.exit(1);
  }
  console.log('docs/events.md is up to date.');
} else if (next === current) console.log('docs/events.md already up to date.');
else {
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, next);
  console.log('docs/events.md regenerated.');
}
