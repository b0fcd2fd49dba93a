// Lets a plain Node process run the API from its TypeScript sources (`node -r ./run-ts.cjs src/main.ts`),
// with the same SWC settings as jest: the fault tests spawn real nodes they can SIGKILL, without a build.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const ROOT = resolve(__dirname, '../../../../..');
const ALIASES = {
  '@palabre/contracts': join(ROOT, 'libs/contracts/src/index.ts'),
  '@palabre/domain': join(ROOT, 'libs/domain/src/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, ALIASES[request] ?? request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
