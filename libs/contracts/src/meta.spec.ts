import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVENTS, ROUTES } from './index';
import { ALL_ROUTE_META, EVENT_META } from './meta';

/**
 * Run-time imports of a module (type-only ones are erased by the compiler), as written:
 * `import x from '…'`, `import { a, type B } from '…'` (unless every name is a type), `export … from '…'`.
 */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*'([^']+)';?/gms;
  for (const match of source.matchAll(statement)) {
    const [, , typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const names = /^\{([^}]*)\}$/s.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '))) continue;
    found.push(specifier);
  }
  for (const match of source.matchAll(/^import\s+'([^']+)';?/gm)) found.push(match[1]);
  return found;
}

/** Every package a module loads at run time, following relative imports through the source tree. */
function packagesLoadedBy(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        packages.set(specifier, file);
        continue;
      }
      const base = join(dirname(file), specifier);
      const candidates = [`${base}.ts`, join(base, 'index.ts')];
      const next = candidates.find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (!next) throw new Error(`${file}: cannot resolve ${specifier}`);
      visit(next);
    }
  };
  visit(entry);
  return packages;
}

describe('contracts meta (the zod-free entry the web app imports)', () => {
  it('loads no package at all, so zod stays out of the participant bundle', () => {
    expect(Object.fromEntries(packagesLoadedBy(join(__dirname, 'meta.ts')))).toEqual({});
  });

  it('would notice a zod import (the check itself can fail)', () => {
    expect([...packagesLoadedBy(join(__dirname, 'errors/index.ts')).keys()]).toContain('zod');
    expect(runtimeImports("import { type A, b } from 'zod';")).toEqual(['zod']);
    expect(runtimeImports("import { type A, type B } from 'zod';")).toEqual([]);
    expect(runtimeImports("import type { A } from 'zod';")).toEqual([]);
  });

  it('describes every event as EVENTS does', () => {
    const fromSchemas = Object.fromEntries(Object.entries(EVENTS).map(([name, e]) => [name, { scope: e.scope, volatile: e.volatile === true }]));
    expect(EVENT_META).toEqual(fromSchemas);
  });

  it('gives every route the method and path of ROUTES', () => {
    const fromSchemas = Object.fromEntries(Object.entries(ROUTES).map(([key, r]) => [key, { method: r.method, path: r.path }]));
    expect(ALL_ROUTE_META).toEqual(fromSchemas);
  });
});
