// Unit specs (*.spec.ts) and integration specs (*.int-spec.ts, real database and sockets).
module.exports = require('../../jest.preset.js')({
  testRegex: 'src/.*\\.(int-)?spec\\.ts$',
  testTimeout: 120000,
  maxWorkers: 2,
});
