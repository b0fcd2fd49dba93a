// Shared jest set-up: SWC transforms TypeScript and the ESM-only @nestjs packages to CommonJS
// (NestJS 12 is ESM-only and jest on Node 20 cannot require(esm); see ../shared/TOOLCHAIN.md).
const path = require('node:path');

module.exports = function preset(overrides = {}) {
  return {
    moduleFileExtensions: ['js', 'mjs', 'cjs', 'json', 'ts'],
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j|mj)s$': [
        require.resolve('@swc/jest'),
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    transformIgnorePatterns: [
      '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@standard-schema|@electric-sql|openid-client|oauth4webapi|jose)/)',
    ],
    moduleNameMapper: {
      '^@palabre/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
      // The web's zod-free entry (the fault tests run the web app's own sync code in Node).
      '^@palabre/contracts/meta$': path.join(__dirname, 'libs/contracts/src/meta.ts'),
      '^@palabre/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    },
    ...overrides,
  };
};
