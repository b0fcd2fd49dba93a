import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4310);

/**
 * `npm test` runs the journeys as two halves side by side (E2E_PART=1 and E2E_PART=2), each with its
 * own server, database and demo session, so neither half sees the other's changes. The second half
 * holds journeys that need nothing from another journey; the first keeps the others, then the whole
 * plenary and the archive journeys, which depend on it. Without E2E_PART every journey runs in one.
 */
const SECOND_HALF = /(floor|hostile-text|identity|keyboard|offline|opinions|phone|presenter|projector|room|secret-ballot|staff-sign-out|survey-builder)\.e2e\.ts$/;
const PART = process.env.E2E_PART;
const LATER = /(outcomes|plenary|followup)\.e2e\.ts$/;
export const BASE_URL = `http://localhost:${PORT}`;

/**
 * Journeys in Debian's Chromium against the built app (apps/api serving apps/web/dist),
 * with a fresh database (DATABASE_URL's server) or the embedded one, and the demo seed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `../test-results/e2e${PART ? `-${PART}` : ''}.json` }]],
  // Each half cleans its own output folder when it starts: never the same one.
  outputDir: `test-results${PART ? `-${PART}` : ''}`,
  use: {
    baseURL: BASE_URL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // The journeys share one demo session. The whole plenary (plenary) closes and seals it, which
  // makes it read-only, so it runs after every other journey; the archive journey reads the seal.
  projects:
    PART === '2'
      ? [{ name: 'chromium', testMatch: SECOND_HALF, use: { ...devices['Desktop Chrome'], channel: undefined } }]
      : [
          { name: 'chromium', testIgnore: PART === '1' ? [LATER, SECOND_HALF] : LATER, use: { ...devices['Desktop Chrome'], channel: undefined } },
          { name: 'plenary', testMatch: /plenary\.e2e\.ts$/, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'], channel: undefined } },
          { name: 'archive', testMatch: /(outcomes|followup)\.e2e\.ts$/, dependencies: ['plenary'], use: { ...devices['Desktop Chrome'], channel: undefined } },
        ],
  webServer: {
    command: 'node e2e/serve.mjs',
    cwd: '..',
    url: `${BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT) },
  },
});
