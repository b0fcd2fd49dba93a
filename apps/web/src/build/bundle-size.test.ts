/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGET_BYTES, measureEntry, participantViews, staticChunks, type Manifest } from '../../../../scripts/bundle-size.mjs';

const SCRIPT = fileURLToPath(new URL('../../../../scripts/bundle-size.mjs', import.meta.url));

/** Bytes that gzip cannot shrink much (a seeded generator: the sizes are the same on every run). */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// The shape Vite writes to dist/.vite/manifest.json: the page's entry, a shared chunk it imports
// (which imports another), and lazy pages reached only through dynamic imports.
const manifest: Manifest = {
  'index.html': { file: 'assets/index-a1.js', isEntry: true, imports: ['_vendor-b2.js', '_api-c3.js'], dynamicImports: ['src/Console.tsx'] },
  '_vendor-b2.js': { file: 'assets/vendor-b2.js', imports: ['_api-c3.js'] },
  '_api-c3.js': { file: 'assets/api-c3.js' },
  'src/Console.tsx': { file: 'assets/Console-d4.js', imports: ['_zod-e5.js', '_vendor-b2.js'] },
  '_zod-e5.js': { file: 'assets/zod-e5.js' },
  'src/features/surveys/components/SurveyActivity.tsx': { file: 'assets/SurveyActivity-f6.js', imports: ['_api-c3.js', '_limits-g7.js'] },
  '_limits-g7.js': { file: 'assets/limits-g7.js' },
};
const files: Record<string, Buffer> = {
  'assets/index-a1.js': noise(40_000, 1),
  'assets/vendor-b2.js': noise(30_000, 2),
  'assets/api-c3.js': noise(10_000, 3),
  'assets/Console-d4.js': noise(90_000, 4),
  'assets/zod-e5.js': noise(60_000, 5),
  'assets/SurveyActivity-f6.js': noise(5_000, 6),
  'assets/limits-g7.js': noise(1_000, 7),
};
const gz = (file: string) => gzipSync(files[file], { level: 9 }).length;

describe('participant bundle budget (scripts/bundle-size.mjs)', () => {
  it('counts the entry and its static imports once each, and no lazy chunk', () => {
    expect(staticChunks(manifest, 'index.html')).toEqual(['index.html', '_vendor-b2.js', '_api-c3.js']);
    const result = measureEntry(manifest, (file) => files[file]);
    expect(result.entry).toBe('index.html');
    expect(result.chunks.map((c) => c.file)).toEqual(['assets/index-a1.js', 'assets/vendor-b2.js', 'assets/api-c3.js']);
    expect(result.bytes).toBe(80_000);
    expect(result.gzip).toBe(gz('assets/index-a1.js') + gz('assets/vendor-b2.js') + gz('assets/api-c3.js'));
    expect(result.budget).toBe(BUDGET_BYTES);
  });

  it('fails above the budget and passes at or under it', () => {
    const { gzip } = measureEntry(manifest, (file) => files[file]);
    expect(measureEntry(manifest, (file) => files[file], { budget: gzip - 1 }).withinBudget).toBe(false);
    expect(measureEntry(manifest, (file) => files[file], { budget: gzip }).withinBudget).toBe(true);
  });

  it('counts a chunk that becomes static (zod pulled into the entry) and then goes over', () => {
    const leaky: Manifest = { ...manifest, 'index.html': { ...manifest['index.html'], imports: [...manifest['index.html'].imports!, '_zod-e5.js'] } };
    const before = measureEntry(manifest, (file) => files[file], { budget: 100_000 });
    const after = measureEntry(leaky, (file) => files[file], { budget: 100_000 });
    expect(before.withinBudget).toBe(true);
    expect(after.gzip).toBe(before.gzip + gz('assets/zod-e5.js'));
    expect(after.withinBudget).toBe(false);
  });

  it("gives what a member's activity view adds on top of the entry, without counting it", () => {
    expect(participantViews(manifest, (file) => files[file])).toEqual([
      { view: 'SurveyActivity', gzip: gz('assets/SurveyActivity-f6.js') + gz('assets/limits-g7.js') },
    ]);
    expect(measureEntry(manifest, (file) => files[file]).chunks.map((c) => c.file)).not.toContain('assets/SurveyActivity-f6.js');
  });

  describe('as a command on a built folder', () => {
    const dist = mkdtempSync(join(tmpdir(), 'palabre-bundle-'));
    mkdirSync(join(dist, '.vite'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
    for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dist, file), bytes);
    afterAll(() => rmSync(dist, { recursive: true, force: true }));
    const runScript = (budget: number) => spawnSync(process.execPath, [SCRIPT, '--dist', dist, '--budget', String(budget)], { encoding: 'utf8' });

    it('prints the gzipped total and exits 0 within the budget', () => {
      const run = runScript(200_000);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Participant route: [\d.]+ kB gzipped .* within the 200\.00 kB budget/);
    });

    it('exits 1 over the budget', () => {
      const run = runScript(50_000);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('OVER the 50.00 kB budget');
    });

    it('exits 1 when nothing was built', () => {
      const run = spawnSync(process.execPath, [SCRIPT, '--dist', join(dist, 'missing')], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('build the web app first');
    });
  });
});
