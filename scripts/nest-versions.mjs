// `npm run deps`: NestJS packages that are released together must be pinned to one version.
// The framework (common, core, platform-express, testing) ships as one release; the WebSocket
// packages (websockets, platform-socket.io) follow their own, later-starting line on the registry
// (12.1.1 is their newest while the framework is at 12.6), so they form a second group.
import { readFileSync } from 'node:fs';

const GROUPS = [
  ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', '@nestjs/testing'],
  ['@nestjs/websockets', '@nestjs/platform-socket.io'],
];
const pkg = JSON.parse(readFileSync(new URL('../apps/api/package.json', import.meta.url), 'utf8'));
const pinned = { ...pkg.dependencies, ...pkg.devDependencies };
let failed = false;
for (const group of GROUPS) {
  const versions = new Set(group.map((name) => pinned[name]));
  if (versions.size !== 1) {
    failed = true;
    console.error(`NestJS packages released together are on several versions: ${group.map((name) => `${name}@${pinned[name]}`).join(', ')}`);
  }
}
const grouped = new Set(GROUPS.flat());
for (const name of Object.keys(pinned).filter((n) => n.startsWith('@nestjs/') && n !== '@nestjs/typeorm' && !grouped.has(n))) {
  failed = true;
  console.error(`${name} is in no release group in scripts/nest-versions.mjs: add it to the group it is released with.`);
}
process.exit(failed ? 1 : 0);
