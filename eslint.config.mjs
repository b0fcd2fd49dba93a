// `npm run lint`: type-aware rules that catch what the compiler does not (a promise nobody awaits, a
// promise passed where a callback's return is ignored) and the import boundaries of the monorepo:
//   apps may import libs (through their package name), never each other;
//   libs never import apps; libs/domain imports only libs/contracts; libs/contracts imports neither;
//   an API feature module is imported by others only through its public files (below);
//   apps/api/src/common imports no feature module (its test support and specs excepted).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const abs = (path) => join(ROOT, path);
const MODULES = 'apps/api/src/modules';

/**
 * A feature module's public files: what other modules, the test support, the seed and the CLI may import.
 * Everything else in a module folder (repositories, gateways, controllers, batchers, broadcasters…) is
 * private to it. These kinds of file are public in every module; a module lists any other.
 */
const PUBLIC_IN_EVERY_MODULE = ['*.module.ts', '*.service.ts', '*.entity.ts', '*.entities.ts', 'views.ts', '*.views.ts', '*.kind.ts'];
const PUBLIC_FILES = {
  amendments: ['amendments.demo.ts'],
  audit: ['hash-chain.ts'],
  // staff-sessions.ts: staff sign-ins, which the CLI revokes and the test support opens.
  auth: ['password-policy.ts', 'staff-sessions.ts', 'auth.demo.ts'],
  boards: ['boards.demo.ts'],
  floor: ['floor.demo.ts'],
  // outcome-items.ts: what a recommendation can come from, read out of a sealed record (pure).
  followup: ['followup.demo.ts', 'outcome-items.ts'],
  // rapporteur.ts: who speaks for a working group (synthesis, amendments filed in its name).
  groups: ['groups.demo.ts', 'rapporteur.ts'],
  health: ['readiness.ts'],
  opinions: ['opinions.demo.ts'],
  outcomes: ['cells.ts', 'render/labels.ts', 'render/documents.ts'],
  qna: ['qna.demo.ts'],
  // The activity-kind contract, its lifecycle and the one audience rule (decisions §14); roster-rule.ts:
  // the one test of whether a session has a roster (summaries, ballots, board supports).
  sessions: ['activity-kinds.ts', 'activity-lifecycle.ts', 'audience.ts', 'roster-rule.ts', 'sessions.demo.ts'],
  // Test support shared with other modules' integration specs.
  surveys: ['surveys.demo.ts', 'survey-fixtures.ts', 'every-method.fixture.ts', 'survey-outcomes.ts', 'channels.demo.ts'],
};
const publicGlobs = [
  ...PUBLIC_IN_EVERY_MODULE.map((file) => abs(`${MODULES}/*/${file}`)),
  ...Object.entries(PUBLIC_FILES).flatMap(([module, files]) => files.map((file) => abs(`${MODULES}/@(${module})/${file}`))),
];
const MODULE_NAMES = readdirSync(abs(MODULES), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
/** Calls that read or write the database: raw SQL, TypeORM repositories, query builders and manager methods. */
const MANAGER_METHODS = 'find|findOne|findOneBy|findOneOrFail|findOneByOrFail|findBy|findAndCount|save|insert|update|delete|count|countBy|exists|existsBy|upsert|increment|decrement|remove|softDelete|transaction';
const DATA_ACCESS_SELECTORS = [
  "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(query|getRepository|createQueryBuilder)$/]",
  `CallExpression[callee.object.name=/^(m|manager|em|entityManager)$/][callee.property.name=/^(${MANAGER_METHODS})$/]`,
  `CallExpression[callee.object.property.name='manager'][callee.property.name=/^(${MANAGER_METHODS})$/]`,
];
const privateMessage = 'This file is private to its module: import one of its public files instead (see PUBLIC_FILES in eslint.config.mjs).';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'test-results/**', 'data/**', 'bench/**', 'scripts/**', 'deploy/**', '**/*.cjs', '**/*.js', '**/*.mjs', 'apps/web/vite.config.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // The compiler already reports these (noUnusedLocals on the web) or they fight the codebase's style.
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      'no-undef': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: abs('libs/**'), from: abs('apps/**'), message: 'libs never import apps.' },
            { target: abs('apps/api/**'), from: abs('apps/web/**'), message: 'apps never import each other.' },
            { target: abs('apps/web/**'), from: abs('apps/api/**'), message: 'apps never import each other.' },
            { target: abs('libs/contracts/**'), from: abs('libs/domain/**'), message: 'libs/contracts imports no other lib.' },
            // The web registry imports every feature; a feature uses activity-view.ts, so there is no circle.
            // Only the pages that host activity views (session, console, screen) read the registry.
            {
              target: abs('apps/web/src/features/!(session|staff|screen)/**'),
              from: abs('apps/web/src/features/registry.tsx'),
              message: 'A feature imports features/activity-view.ts, not the registry (which imports every feature).',
            },
            // common/ depends on no feature module: what it needs of one is an interface it declares and the
            // feature's module provides (AUDIT_TRAIL, STAFF_SESSION_LOOKUP). The test support (common/testing)
            // and the specs are exempt: they drive the whole app, features included (appForTests opens staff
            // sessions through the auth feature; specs use the features' fixtures and services).
            {
              target: [abs('apps/api/src/common/*.ts'), abs('apps/api/src/common/!(testing)/**/!(*.spec|*.int-spec).ts')],
              from: abs(`${MODULES}/**`),
              message: 'common/ imports no feature module: declare an interface and an injection token in common/ and let the feature module provide it (see AUDIT_TRAIL).',
            },
            // Code outside the feature modules (common, seed, database, bootstrap) uses their public files.
            {
              target: [abs('apps/api/src/*.ts'), abs('apps/api/src/!(modules|cli)/**')],
              from: abs(`${MODULES}/*/**`),
              except: [abs(`${MODULES}/*.ts`), ...publicGlobs],
              message: privateMessage,
            },
            // The command-line tools run without the Nest application (no services): they may also call repositories.
            {
              target: abs('apps/api/src/cli/**'),
              from: abs(`${MODULES}/*/**`),
              except: [abs(`${MODULES}/*.ts`), ...publicGlobs, abs(`${MODULES}/*/*.repository.ts`)],
              message: privateMessage,
            },
            // A module reads another module only through its public files.
            ...MODULE_NAMES.map((name) => ({
              target: abs(`${MODULES}/${name}/**`),
              from: abs(`${MODULES}/*/**`),
              except: [abs(`${MODULES}/${name}/**`), ...publicGlobs],
              message: privateMessage,
            })),
          ],
        },
      ],
    },
  },
  {
    // libs/domain is pure: it imports libs/contracts and nothing else (fast-check in its property tests;
    // the opinion map's pure-JS numerical libraries, decisions §opinion map).
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.|@palabre/contracts$|fast-check$|ml-pca$|ml-kmeans$|diff$)', message: 'libs/domain imports only @palabre/contracts.' }] }],
    },
  },
  {
    // Its tests may cross-check a pure implementation against Node's own (SHA-256 of the ballot commitments).
    files: ['libs/domain/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.|@palabre/contracts$|fast-check$|node:crypto$|ml-pca$|ml-kmeans$|diff$)', message: 'libs/domain imports only @palabre/contracts.' }] }],
    },
  },
  {
    // One data layer (issue #20): a module's SQL and TypeORM queries live in its `*.repository.ts`
    // files; services, commands, broadcasters and seeders call them. Migrations, the test support and
    // the specs query directly.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/**/*.spec.ts', 'apps/api/src/**/*.int-spec.ts', 'apps/api/src/database/**', 'apps/api/src/common/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...DATA_ACCESS_SELECTORS.map((selector) => ({ selector, message: 'Queries live in the module\'s *.repository.ts (CONTRIBUTING.md, "Names and places").' })),
      ],
    },
  },
  {
    files: ['libs/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@palabre/', message: 'libs/contracts imports no other Palabre package.' }] }],
    },
  },
);
