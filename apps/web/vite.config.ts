/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where `npm run dev` forwards REST and socket traffic (the NestJS API). */
const apiTarget = process.env.PALABRE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
    restoreMocks: true,
  },
});
