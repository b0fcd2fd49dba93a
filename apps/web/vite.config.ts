/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where `npm run dev` forwards REST and socket traffic (the NestJS API). */
const apiTarget = process.env.PALABRE_API_URL ?? 'http://localhost:3000';

/**
 * Writes `<file>.gz` and `<file>.br` next to each built script and style sheet, which the API
 * sends to browsers that accept them (apps/api/src/common/http/web-app.ts): phones download the
 * gzipped size that scripts/bundle-size.mjs budgets, and nothing is compressed per request.
 */
function precompress(): Plugin {
  return {
    name: 'palabre-precompress',
    apply: 'build',
    // After writing: chunks are final only then (Vite's own generateBundle hooks still edit them).
    writeBundle(options, bundle) {
      const dir = options.dir ?? here('dist');
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const bytes = readFileSync(join(dir, fileName));
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
        writeFileSync(join(dir, `${fileName}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      }
    },
  };
}

/**
 * Writes dist/sw.js from sw/service-worker.js with the app shell's scripts and style sheets to
 * precache, so that the app loads offline after a first visit (main.tsx registers it).
 * A hand-written worker: a few lines, no runtime dependency.
 */
function serviceWorker(): Plugin {
  return {
    name: 'palabre-service-worker',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? here('dist');
      // The shell only: the entry, what it imports statically and their style sheets (the HTTP cache
      // already holds them after the first load, so installing costs next to nothing). Other chunks
      // are cached as the page fetches them.
      const shell = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || shell.has(fileName)) return;
        shell.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) shell.add(css);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const [fileName, chunk] of Object.entries(bundle)) {
        // The entry, and the lazy parts of the app's core (src/lib: the IndexedDB command store, which
        // a page reloaded offline needs to find the vote waiting there).
        if (chunk.type === 'chunk' && (chunk.isEntry || /\/src\/lib\/[^/]+$/.test(chunk.facadeModuleId ?? ''))) visit(fileName);
      }
      const files = [...shell].sort().map((f) => `/${f}`);
      const build = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(here('sw/service-worker.js'), 'utf8')
        .replace("'__PALABRE_BUILD__'", JSON.stringify(build))
        .replace('__PALABRE_PRECACHE__', JSON.stringify(files));
      writeFileSync(join(dir, 'sw.js'), source);
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), serviceWorker()],
  resolve: {
    // The shared libs are consumed from source: no build step before the web app.
    // `@palabre/contracts/meta` (zod-free values) must come before the package's own entry.
    alias: {
      '@palabre/contracts/meta': here('../../libs/contracts/src/meta.ts'),
      '@palabre/contracts': here('../../libs/contracts/src/index.ts'),
      '@palabre/domain': here('../../libs/domain/src/index.ts'),
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: scripts/bundle-size.mjs reads which chunks the participant route loads.
    manifest: true,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // DOM tests opt in with `// @vitest-environment jsdom`; pure logic runs in node.
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    // A DOM test takes a few hundred ms alone; in CI the suite runs at low priority beside the
    // journeys (scripts/test.mjs), where the same test took over 5 s. A hang still fails.
    testTimeout: 30_000,
  },
});
